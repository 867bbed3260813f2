package io.scalableapp.lab.trace;

import io.scalableapp.engine.prometheus.ChunkedRangeQuery;
import io.scalableapp.engine.prometheus.PrometheusDemandSource;
import io.scalableapp.engine.prometheus.QueryListener;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.engine.series.Series;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A trace read live from Prometheus: the app's demand query over a time range, fetched with the
 * operator's own range queries (in chunks below Prometheus's 11,000-point limit), each sample read
 * as a rate per second over its step, as {@code sum(rate(..))} returns it, and spread over its
 * minutes like a range-query export.
 */
public final class PrometheusHistory {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final QueryListener listener;

  public PrometheusHistory(QueryListener listener) {
    this.listener = listener;
  }

  public Trace fetch(
      String name, URI prometheus, String query, Instant from, Instant to, Duration step)
      throws Exception {
    Series series =
        new ChunkedRangeQuery(new PrometheusDemandSource(http, prometheus, query, listener))
            .fetch(from, to, step);
    List<TraceLoader.TimedValue> samples = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      double v = series.get(i);
      if (Double.isNaN(v)) {
        continue; // no sample at this step: unknown, not zero
      }
      if (Double.isInfinite(v) || v < 0) {
        throw new IllegalArgumentException(
            query
                + " at "
                + series.timeAt(i)
                + ": "
                + v
                + " is not a demand (a rate per second, finite and not negative)");
      }
      samples.add(new TraceLoader.TimedValue(series.timeAt(i).toEpochMilli(), v));
    }
    if (samples.isEmpty()) {
      throw new IllegalArgumentException(
          "Prometheus at "
              + prometheus
              + " returned no samples for "
              + query
              + " between "
              + from
              + " and "
              + to);
    }
    return MinuteBuckets.ofRatesPerSecond(samples).toTrace(name, List.of());
  }
}
