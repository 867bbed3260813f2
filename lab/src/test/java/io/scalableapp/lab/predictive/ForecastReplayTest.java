package io.scalableapp.lab.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastReplayTest {

  private static final int POINTS = 600;

  /**
   * A straight ramp: LINEAR forecasts it exactly, so any misalignment of forecast and actual shows
   * as error.
   */
  private static Series ramp() {
    double[] y = new double[POINTS];
    for (int i = 0; i < y.length; i++) {
      y[i] = 100 + 2 * i;
    }
    return Series.of(Instant.parse("2024-01-01T00:01:00Z"), Duration.ofMinutes(1), y);
  }

  private static AppScalingSpec spec(ForecastModel model) {
    return AppScalingSpec.builder()
        .targetPerReplica(10)
        .horizon(Duration.ofMinutes(3))
        .model(model)
        .build();
  }

  @Test
  void everyLeadIsScoredAgainstTheMinuteItForecast() {
    PointwiseScores s =
        ForecastReplay.run(
            ramp(), spec(ForecastModel.LINEAR), ForecasterFactory.DEFAULT, 100, 200, POINTS);

    for (int h = 1; h <= 3; h++) {
      assertThat(s.wapePercent(h)).as("lead %d", h).isCloseTo(0, within(1e-6));
      // Evaluations at points 200 .. 599; the one at i scores i + h while that is inside the
      // recording.
      assertThat(s.count(h)).as("lead %d", h).isEqualTo(POINTS - 200 - h);
    }
    assertThat(s.count(4)).isZero();
    assertThat(s.chosenModels()).isEqualTo(Map.of(ForecastModel.LINEAR, POINTS - 200));
    assertThat(s.cpuMillisPerEvaluation()).isPositive();
  }

  @Test
  void aForecastThatLagsByAMinuteIsScoredAsWrong() {
    // "Same as the last value" on the ramp is off by 2 per minute of lead: WAPE grows with the
    // lead.
    PointwiseScores s =
        ForecastReplay.run(
            ramp(),
            spec(ForecastModel.SEASONAL_NAIVE),
            ForecasterFactory.DEFAULT,
            100,
            200,
            POINTS);

    assertThat(s.wapePercent(1)).isPositive();
    // Up to the few points and slightly larger actuals the longer leads lose at the end of the
    // recording.
    assertThat(s.wapePercent(3)).isCloseTo(3 * s.wapePercent(1), withinPercentage(2));
    assertThat(s.pooledWapePercent(3)).isCloseTo(2 * s.wapePercent(1), withinPercentage(2));
  }
}
