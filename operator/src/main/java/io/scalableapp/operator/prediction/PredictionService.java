package io.scalableapp.operator.prediction;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource.ResourceFetcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.PredictiveScaler;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The collector and evaluator for every app: polled by JOSDK once per interval per app, it fetches
 * demand from Prometheus and asks the engine for a replica floor. The recommendation becomes a
 * secondary resource of the app, read by the HPA and Deployment dependents (the realizer).
 */
public final class PredictionService implements ResourceFetcher<Recommendation, ScalableApp>, AutoCloseable {
  private final PredictionSettings settings;
  private final Clock clock;
  private final PredictiveScaler scaler;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<ResourceID, ScalerState> states = new ConcurrentHashMap<>();
  // Kept apart from the scaler states so pods seen before an app's first evaluation still count.
  private final Map<ResourceID, ReadyLatencyEstimator> readyLatencies = new ConcurrentHashMap<>();
  private final PredictionMetrics metrics;
  private final DemandHistories histories;
  private final PodReadyLatencyWatcher readyLatency;

  /** @param namespaces the namespaces the operator watches; empty means all */
  public PredictionService(PredictionSettings settings, KubernetesClient client, Set<String> namespaces,
      MeterRegistry registry, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.scaler = new PredictiveScaler(clock);
    this.metrics = new PredictionMetrics(registry);
    this.histories = new DemandHistories(http, registry);
    this.readyLatency = new PodReadyLatencyWatcher(client, namespaces,
        (app, latency) -> readyLatencyOf(app).record(latency));
  }

  public Duration interval() {
    return settings.interval();
  }

  public void start() {
    readyLatency.start();
  }

  @Override
  public void close() {
    readyLatency.close();
  }

  /** Polled only for apps whose prediction is not Off (see {@link #isPredicted}). */
  @Override
  public Set<Recommendation> fetchResources(ScalableApp app) {
    ResourceID id = ResourceID.fromResource(app);
    PredictionSpec spec = app.getSpec().getPrediction();
    if (!isPredicted(app)) {
      forget(id);
      return Set.of();
    }
    ScalerState state = states.computeIfAbsent(id, k -> restoredState(app, readyLatencyOf(id)));
    URI prometheus = spec.getPrometheusUrl() != null ? URI.create(spec.getPrometheusUrl()) : settings.prometheusUrl();
    AppScalingSpec scaling = ScalingSpecs.of(app, settings.step());
    Recommendation r = scaler.evaluate(scaling,
        histories.forApp(id, prometheus, spec.getQuery(), scaling.step(), scaling.lookback()), state);
    metrics.record(id, r);
    return Set.of(r);
  }

  /** Drops what the engine learned about an app that is gone or no longer predicted. */
  void forget(ResourceID app) {
    states.remove(app);
    readyLatencies.remove(app);
    histories.forget(app);
    metrics.forget(app);
  }

  public static boolean isPredicted(ScalableApp app) {
    return app.getSpec().getPrediction().getMode() != PredictionSpec.Mode.Off;
  }

  private ReadyLatencyEstimator readyLatencyOf(ResourceID app) {
    return readyLatencies.computeIfAbsent(app, k -> new ReadyLatencyEstimator());
  }

  /** After a restart, continue from the floor recorded in status instead of dropping to replicas.min. */
  private ScalerState restoredState(ScalableApp app, ReadyLatencyEstimator readyLatency) {
    ScalerState state = new ScalerState(readyLatency);
    var status = app.getStatus();
    if (status != null && status.getPrediction() != null && status.getPrediction().getRecommendedReplicas() != null) {
      state.restoreFloor(status.getPrediction().getRecommendedReplicas(), clock.instant());
    }
    return state;
  }
}
