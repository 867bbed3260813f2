package io.scalableapp.operator.prediction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.scalableapp.engine.prometheus.QueryListener;

/**
 * What fetching demand costs Prometheus, on the operator's metrics endpoint: range queries sent and
 * samples they returned.
 */
public final class PrometheusQueryCounters implements QueryListener {
  private final Counter queries;
  private final Counter samples;

  public PrometheusQueryCounters(MeterRegistry registry) {
    this.queries =
        Counter.builder("scalableapp_prometheus_queries_total")
            .description("Range queries the operator sent to Prometheus for demand history")
            .register(registry);
    this.samples =
        Counter.builder("scalableapp_prometheus_samples_fetched_total")
            .description("Samples Prometheus returned to the operator's demand range queries")
            .register(registry);
  }

  @Override
  public void querySent() {
    queries.increment();
  }

  @Override
  public void samplesFetched(int count) {
    samples.increment(count);
  }

  public long queries() {
    return (long) queries.count();
  }

  public long samples() {
    return (long) samples.count();
  }
}
