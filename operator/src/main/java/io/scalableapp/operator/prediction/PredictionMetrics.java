package io.scalableapp.operator.prediction;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.scalableapp.engine.Recommendation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-app forecast gauges and a decision counter on the operator's Prometheus endpoint. */
final class PredictionMetrics {
  private final MeterRegistry registry;
  private final Map<ResourceID, Recommendation> latest = new ConcurrentHashMap<>();

  PredictionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(ResourceID app, Recommendation r) {
    if (latest.put(app, r) == null) {
      Tags tags = Tags.of("namespace", app.getNamespace().orElse(""), "app", app.getName());
      Gauge.builder("scalableapp_forecast_demand", latest, m -> value(m, app, Recommendation::forecastNow))
          .description("Forecast demand for the next step").tags(tags).register(registry);
      Gauge.builder("scalableapp_forecast_peak_demand", latest, m -> value(m, app, Recommendation::forecastPeak))
          .description("Highest forecast demand within the horizon").tags(tags).register(registry);
      Gauge.builder("scalableapp_recommended_replicas", latest, m -> value(m, app, x -> x.floor()))
          .description("Replica floor the forecast recommends").tags(tags).register(registry);
      Gauge.builder("scalableapp_forecast_error_ratio", latest, m -> value(m, app, Recommendation::recentError))
          .description("Rolling forecast error (weighted MAPE) as a fraction").tags(tags).register(registry);
    }
    registry.counter("scalableapp_decisions_total", "reason", r.reason().name().toLowerCase()).increment();
  }

  void forget(ResourceID app) {
    latest.remove(app);
  }

  private static double value(Map<ResourceID, Recommendation> m, ResourceID app,
      java.util.function.ToDoubleFunction<Recommendation> f) {
    Recommendation r = m.get(app);
    return r == null ? Double.NaN : f.applyAsDouble(r);
  }
}
