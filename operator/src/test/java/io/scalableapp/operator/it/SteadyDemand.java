package io.scalableapp.operator.it;

import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.operator.prediction.PredictionService;
import java.time.Duration;
import java.util.Arrays;

/**
 * In-process demand for operators under test that need a forecast but no Prometheus: a flat day.
 */
final class SteadyDemand {
  private SteadyDemand() {}

  /** Every app sees a day of {@code perMinute} demand up to whatever "now" the engine asks for. */
  static PredictionService.DemandSources of(double perMinute) {
    return (app, url, query, spec) ->
        (from, to, step) -> {
          double[] values = new double[24 * 60 + 1];
          Arrays.fill(values, perMinute);
          return new InMemoryDemandSource(
                  Series.of(to.minus(Duration.ofDays(1)), Duration.ofMinutes(1), values))
              .fetch(from, to, step);
        };
  }
}
