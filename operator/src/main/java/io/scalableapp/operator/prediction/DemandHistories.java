package io.scalableapp.operator.prediction;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.MeterRegistry;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.prometheus.ChunkedRangeQuery;
import io.scalableapp.engine.prometheus.PrometheusDemandSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every app's {@link IncrementalDemandHistory}, kept across polls. A history belongs to one
 * Prometheus, query, step and lookback: when any of them changes, the app starts a fresh one.
 */
public final class DemandHistories {
  private final HttpClient http;
  private final PrometheusQueryCounters counters;
  private final Map<ResourceID, Entry> histories = new ConcurrentHashMap<>();

  public DemandHistories(HttpClient http, MeterRegistry registry) {
    this.http = http;
    this.counters = new PrometheusQueryCounters(registry);
  }

  public DemandSource forApp(
      ResourceID app, URI prometheus, String query, Duration step, Duration lookback) {
    Key key = new Key(prometheus, query, step, lookback);
    return histories
        .compute(
            app,
            (id, entry) ->
                entry != null && entry.key().equals(key)
                    ? entry
                    : new Entry(
                        key,
                        new IncrementalDemandHistory(
                            new ChunkedRangeQuery(
                                new PrometheusDemandSource(http, prometheus, query, counters)))))
        .history();
  }

  public void forget(ResourceID app) {
    histories.remove(app);
  }

  public PrometheusQueryCounters counters() {
    return counters;
  }

  private record Key(URI prometheus, String query, Duration step, Duration lookback) {}

  private record Entry(Key key, IncrementalDemandHistory history) {}
}
