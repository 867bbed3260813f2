package io.scalableapp.operator.prediction;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.scalableapp.engine.Recommendation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/** Per-app forecast gauges and a decision counter on the operator's Prometheus endpoint. */
final class PredictionMetrics {
  private final MeterRegistry registry;
  private final Map<ResourceID, AppGauges> apps = new ConcurrentHashMap<>();

  PredictionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(ResourceID app, Recommendation r) {
    apps.computeIfAbsent(app, this::register).latest.set(r);
    Counter.builder("scalableapp_decisions_total")
        .description("Floor decisions of every app, by the rule that shaped the floor")
        .tags("reason", r.reason().name().toLowerCase()).register(registry).increment();
  }

  /** Counts one failed evaluation of an app, by why it failed. */
  void failure(ResourceID app, PredictionFailure.Kind kind) {
    Counter.builder("scalableapp_prediction_errors_total")
        .description("Evaluations of an app that failed, by reason; the floor was held and the next poll retried")
        .tags("namespace", app.getNamespace().orElse(""), "app", app.getName(), "reason", kind.name())
        .register(registry).increment();
  }

  /** Removes a gone app's gauges, so dashboards do not show it forever. */
  void forget(ResourceID app) {
    AppGauges gauges = apps.remove(app);
    if (gauges != null) {
      gauges.meters.forEach(registry::remove);
    }
    registry.find("scalableapp_prediction_errors_total")
        .tags("namespace", app.getNamespace().orElse(""), "app", app.getName())
        .counters().forEach(registry::remove);
  }

  private AppGauges register(ResourceID app) {
    Tags tags = Tags.of("namespace", app.getNamespace().orElse(""), "app", app.getName());
    AtomicReference<Recommendation> latest = new AtomicReference<>();
    List<Meter> meters = List.of(
        gauge("scalableapp_forecast_demand", "Forecast demand for the next step", tags, latest,
            Recommendation::forecastNow),
        gauge("scalableapp_forecast_peak_demand", "Highest forecast demand within the horizon", tags, latest,
            Recommendation::forecastPeak),
        gauge("scalableapp_recommended_replicas", "Replica floor the forecast recommends", tags, latest,
            Recommendation::floor),
        gauge("scalableapp_forecast_error_ratio", "Rolling forecast error (weighted MAPE) as a fraction", tags,
            latest, Recommendation::recentError));
    return new AppGauges(latest, meters);
  }

  private Meter gauge(String name, String description, Tags tags, AtomicReference<Recommendation> latest,
      ToDoubleFunction<Recommendation> value) {
    return Gauge.builder(name, latest, l -> l.get() == null ? Double.NaN : value.applyAsDouble(l.get()))
        .description(description).tags(tags).register(registry);
  }

  private record AppGauges(AtomicReference<Recommendation> latest, List<Meter> meters) {}
}
