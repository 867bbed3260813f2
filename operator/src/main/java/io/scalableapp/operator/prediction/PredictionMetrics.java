package io.scalableapp.operator.prediction;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/** Per-app forecast gauges and a decision counter on the operator's Prometheus endpoint. */
final class PredictionMetrics {
  private final MeterRegistry registry;
  private final Map<ResourceID, AppGauges> apps = new ConcurrentHashMap<>();
  private final Map<ResourceID, ScalingMode> autoModes = new ConcurrentHashMap<>();

  PredictionMetrics(MeterRegistry registry) {
    this.registry = registry;
    // A count per mode, not a gauge per app: a fleet of a thousand apps stays two series.
    for (ScalingMode mode : List.of(ScalingMode.SHADOW, ScalingMode.ENFORCE)) {
      Gauge.builder("scalableapp_auto_mode_apps", autoModes,
              m -> m.values().stream().filter(mode::equals).count())
          .description("Apps in prediction.mode Auto by the mode their evidence chose (Shadow or Enforce)")
          .tags("mode", mode == ScalingMode.SHADOW ? "Shadow" : "Enforce").register(registry);
    }
  }

  /** The mode prediction.mode Auto runs {@code app} in. */
  void autoMode(ResourceID app, ScalingMode mode) {
    autoModes.put(app, mode);
  }

  void forgetAutoMode(ResourceID app) {
    autoModes.remove(app);
  }

  /**
   * @param evaluated whether the evaluation completed; after a failure the held recommendation says nothing about the
   *                  metrics, so the metrics-available gauge keeps what the last completed evaluation saw
   */
  void record(ResourceID app, Recommendation r, boolean evaluated) {
    AppGauges gauges = apps.computeIfAbsent(app, this::register);
    gauges.latest.set(r);
    if (evaluated) {
      gauges.metricsAvailable.set(r.metricsAvailable() ? 1.0 : 0.0);
    }
    Counter.builder("scalableapp_decisions_total")
        .description("Floor decisions of every app, by the rule that shaped the floor")
        .tags("reason", r.reason().name().toLowerCase()).register(registry).increment();
  }

  /** Adds one evaluation's CPU time (fetching and parsing demand, fitting, deciding), so cost per evaluation shows. */
  void evaluationCpu(long nanos) {
    Counter.builder("scalableapp_prediction_cpu_seconds_total")
        .description("CPU time spent evaluating apps (fetch, forecast, decision); "
            + "divide by scalableapp_decisions_total")
        .register(registry).increment(nanos / 1e9);
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
    AtomicReference<Double> metricsAvailable = new AtomicReference<>(Double.NaN);
    List<Meter> meters = List.of(
        // Per app, so an alert can name the app whose floor is held on missing metrics.
        Gauge.builder("scalableapp_metrics_available", metricsAvailable, AtomicReference::get)
            .description("1 while the app's demand query returns usable data, 0 while its floor is held or "
                + "decaying without metrics (the MetricsAvailable condition)")
            .tags(tags).register(registry),
        gauge("scalableapp_forecast_demand", "Forecast demand for the next step", tags, latest,
            Recommendation::forecastNow),
        gauge("scalableapp_forecast_peak_demand", "Highest forecast demand within the horizon", tags, latest,
            Recommendation::forecastPeak),
        gauge("scalableapp_recommended_replicas", "Replica floor the forecast recommends", tags, latest,
            Recommendation::floor),
        gauge("scalableapp_forecast_error_ratio", "Rolling forecast error (weighted MAPE) as a fraction", tags,
            latest, Recommendation::recentError));
    return new AppGauges(latest, metricsAvailable, meters);
  }

  private Meter gauge(String name, String description, Tags tags, AtomicReference<Recommendation> latest,
      ToDoubleFunction<Recommendation> value) {
    return Gauge.builder(name, latest, l -> l.get() == null ? Double.NaN : value.applyAsDouble(l.get()))
        .description(description).tags(tags).register(registry);
  }

  private record AppGauges(AtomicReference<Recommendation> latest, AtomicReference<Double> metricsAvailable,
      List<Meter> meters) {}
}
