package io.scalableapp.operator.prediction;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Per-app forecast gauges and decision counters on the operator's Prometheus endpoint, and the
 * fleet's counts and evaluation latency (the chart's Grafana dashboard reads them).
 */
final class PredictionMetrics {
  /**
   * Buckets of the evaluation latency histogram: a handful, not Micrometer's 70-odd percentile
   * buckets.
   */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(10),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(20)
  };

  private final MeterRegistry registry;
  private final Map<ResourceID, AppGauges> apps = new ConcurrentHashMap<>();
  private final Map<ResourceID, ScalingMode> autoModes = new ConcurrentHashMap<>();
  private final Timer evaluationDuration;

  PredictionMetrics(MeterRegistry registry) {
    this.registry = registry;
    // A count per mode, not a gauge per app: a fleet of a thousand apps stays two series.
    for (ScalingMode mode : List.of(ScalingMode.SHADOW, ScalingMode.ENFORCE)) {
      Gauge.builder(
              "scalableapp_auto_mode_apps",
              autoModes,
              m -> m.values().stream().filter(mode::equals).count())
          .description(
              "Apps in prediction.mode Auto by the mode their evidence chose (Shadow or Enforce)")
          .tags("mode", mode == ScalingMode.SHADOW ? "Shadow" : "Enforce")
          .register(registry);
    }
    // Apps by the mode their latest decision ran in, and how many hold their floor on missing
    // metrics: fleet
    // counts that exist (as 0) before any app does, so a dashboard shows 0 rather than no data.
    for (ScalingMode mode : ScalingMode.values()) {
      Gauge.builder(
              "scalableapp_predicted_apps",
              apps,
              a -> a.values().stream().filter(g -> g.inMode(mode)).count())
          .description(
              "Predicted apps by the mode of their latest decision (Off, Shadow or Enforce)")
          .tags("mode", modeName(mode))
          .register(registry);
    }
    Gauge.builder(
            "scalableapp_paused_apps",
            apps,
            a -> a.values().stream().filter(g -> g.paused.get()).count())
        .description(
            "Predicted apps paused by the scalableapp.io/paused or paused-replicas annotation: neither the "
                + "forecast nor the HPA moves their replicas")
        .register(registry);
    Gauge.builder(
            "scalableapp_held_apps", apps, a -> a.values().stream().filter(AppGauges::held).count())
        .description(
            "Predicted apps whose floor is held or decaying because their demand metrics are missing")
        .register(registry);
    this.evaluationDuration =
        Timer.builder("scalableapp_evaluation_duration")
            .description(
                "Wall-clock time of one app's evaluation (fetching demand, forecasting, deciding)")
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry);
  }

  private static String modeName(ScalingMode mode) {
    return mode.name().charAt(0) + mode.name().substring(1).toLowerCase();
  }

  /** The mode prediction.mode Auto runs {@code app} in. */
  void autoMode(ResourceID app, ScalingMode mode) {
    autoModes.put(app, mode);
  }

  void forgetAutoMode(ResourceID app) {
    autoModes.remove(app);
  }

  /**
   * @param evaluated whether the evaluation completed; after a failure the held recommendation says
   *     nothing about the metrics, so the metrics-available gauge keeps what the last completed
   *     evaluation saw
   */
  void record(ResourceID app, Recommendation r, boolean evaluated) {
    AppGauges gauges = apps.computeIfAbsent(app, this::register);
    gauges.latest.set(r);
    if (evaluated) {
      gauges.metricsAvailable.set(r.metricsAvailable() ? 1.0 : 0.0);
    }
    Counter.builder("scalableapp_decisions_total")
        .description("Floor decisions of every app, by the rule that shaped the floor")
        .tags(appTags(app))
        .tag("reason", r.decision().reason().name().toLowerCase())
        .register(registry)
        .increment();
  }

  /**
   * The latest demand the app's query returned (its last valid point), beside the forecast made
   * from it.
   */
  void demand(ResourceID app, double latest) {
    apps.computeIfAbsent(app, this::register).demand.set(latest);
  }

  /**
   * The app's ready replicas, the replicas its HPA wants and whether it is paused, as the
   * reconciler last saw them; only for an app evaluated already, so a reconcile racing the app's
   * removal cannot bring its gauges back.
   */
  void replicas(ResourceID app, Integer ready, Integer hpaDesired, boolean paused) {
    AppGauges gauges = apps.get(app);
    if (gauges != null) {
      gauges.readyReplicas.set(ready == null ? Double.NaN : ready);
      gauges.hpaDesiredReplicas.set(hpaDesired == null ? Double.NaN : hpaDesired);
      gauges.paused.set(paused);
    }
  }

  /** One evaluation's wall-clock time. */
  void evaluationDuration(long nanos) {
    evaluationDuration.record(Duration.ofNanos(nanos));
  }

  /** Evaluations due but waiting for a free prediction worker. */
  void queue(IntSupplier waiting) {
    Gauge.builder("scalableapp_prediction_queue_depth", waiting::getAsInt)
        .description(
            "App evaluations due and waiting for a free prediction worker "
                + "(scalableapp.prediction.concurrency)")
        .strongReference(true)
        .register(registry);
  }

  /**
   * Adds one evaluation's CPU time (fetching and parsing demand, fitting, deciding), so cost per
   * evaluation shows.
   */
  void evaluationCpu(long nanos) {
    Counter.builder("scalableapp_prediction_cpu_seconds_total")
        .description(
            "CPU time spent evaluating apps (fetch, forecast, decision); "
                + "divide by scalableapp_decisions_total")
        .register(registry)
        .increment(nanos / 1e9);
  }

  /** Counts one failed evaluation of an app, by why it failed. */
  void failure(ResourceID app, PredictionFailure.Kind kind) {
    errors(app, kind).increment();
  }

  private Counter errors(ResourceID app, PredictionFailure.Kind kind) {
    return Counter.builder("scalableapp_prediction_errors_total")
        .description(
            "Evaluations of an app that failed, by reason; the floor was held and the next poll retried")
        .tags(appTags(app))
        .tag("reason", kind.name())
        .register(registry);
  }

  /** Removes a gone app's gauges, so dashboards do not show it forever. */
  void forget(ResourceID app) {
    AppGauges gauges = apps.remove(app);
    if (gauges != null) {
      gauges.meters.forEach(registry::remove);
    }
    for (String counter :
        List.of("scalableapp_prediction_errors_total", "scalableapp_decisions_total")) {
      registry.find(counter).tags(appTags(app)).counters().forEach(registry::remove);
    }
  }

  private static Tags appTags(ResourceID app) {
    return Tags.of("namespace", app.getNamespace().orElse(""), "app", app.getName());
  }

  private AppGauges register(ResourceID app) {
    // Every reason at 0 from the app's first evaluation on, so increase() sees its first failure
    // too.
    for (PredictionFailure.Kind kind : PredictionFailure.Kind.values()) {
      errors(app, kind);
    }
    Tags tags = appTags(app);
    AtomicReference<Recommendation> latest = new AtomicReference<>();
    AtomicReference<Double> metricsAvailable = new AtomicReference<>(Double.NaN);
    AtomicReference<Double> demand = new AtomicReference<>(Double.NaN);
    AtomicReference<Double> ready = new AtomicReference<>(Double.NaN);
    AtomicReference<Double> hpaDesired = new AtomicReference<>(Double.NaN);
    List<Meter> meters =
        List.of(
            value(
                "scalableapp_demand",
                "Latest demand the app's prediction.query returned",
                tags,
                demand),
            value(
                "scalableapp_ready_replicas",
                "Ready replicas of the app's Deployment (status.readyReplicas)",
                tags,
                ready),
            value(
                "scalableapp_hpa_desired_replicas",
                "Replicas the app's HorizontalPodAutoscaler wants "
                    + "(its status.desiredReplicas), which the floor only ever raises",
                tags,
                hpaDesired),
            // Per app, so an alert can name the app whose floor is held on missing metrics.
            Gauge.builder("scalableapp_metrics_available", metricsAvailable, AtomicReference::get)
                .description(
                    "1 while the app's demand query returns usable data, 0 while its floor is held or "
                        + "decaying without metrics (the MetricsAvailable condition)")
                .tags(tags)
                .register(registry),
            gauge(
                "scalableapp_forecast_demand",
                "Forecast demand for the next step",
                tags,
                latest,
                r -> r.forecast().next()),
            gauge(
                "scalableapp_forecast_peak_demand",
                "Highest forecast demand within the horizon",
                tags,
                latest,
                r -> r.forecast().peak()),
            gauge(
                "scalableapp_recommended_replicas",
                "Replica floor the forecast recommends",
                tags,
                latest,
                Recommendation::floor),
            gauge(
                "scalableapp_forecast_error_ratio",
                "Rolling forecast error (weighted MAPE) as a fraction",
                tags,
                latest,
                r -> r.accuracy().recentError()));
    return new AppGauges(
        latest, metricsAvailable, demand, ready, hpaDesired, new AtomicBoolean(), meters);
  }

  private Meter value(String name, String description, Tags tags, AtomicReference<Double> value) {
    return Gauge.builder(name, value, AtomicReference::get)
        .description(description)
        .tags(tags)
        .register(registry);
  }

  private Meter gauge(
      String name,
      String description,
      Tags tags,
      AtomicReference<Recommendation> latest,
      ToDoubleFunction<Recommendation> value) {
    return Gauge.builder(
            name, latest, l -> l.get() == null ? Double.NaN : value.applyAsDouble(l.get()))
        .description(description)
        .tags(tags)
        .register(registry);
  }

  private record AppGauges(
      AtomicReference<Recommendation> latest,
      AtomicReference<Double> metricsAvailable,
      AtomicReference<Double> demand,
      AtomicReference<Double> readyReplicas,
      AtomicReference<Double> hpaDesiredReplicas,
      AtomicBoolean paused,
      List<Meter> meters) {
    boolean inMode(ScalingMode mode) {
      Recommendation r = latest.get();
      return r != null && r.mode() == mode;
    }

    boolean held() {
      return metricsAvailable.get() == 0.0;
    }
  }
}
