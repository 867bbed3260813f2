package io.scalableapp.operator.prediction;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.MeterRegistry;
import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.PredictiveScaler;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.prediction.PredictionFailure.Kind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector and evaluator for every app: fetches demand from Prometheus and asks the engine for
 * a replica floor. Each evaluation is an error boundary: whatever fails (settings, forecast, a
 * timeout) becomes a {@link PredictionFailure} with the floor held as for a metrics outage, one log
 * line and a metric, and the next evaluation tries again from scratch.
 */
public final class PredictionService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PredictionService.class);
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** How an app's demand is read; the seam lets tests inject failing sources. */
  public interface DemandSources {
    DemandSource forApp(ScalableApp app, URI prometheus, String query, AppScalingSpec spec);
  }

  private final PredictionSettings settings;
  private final PredictiveScaler scaler;
  private final DemandSources sources;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<ResourceID, ScalerState> states = new ConcurrentHashMap<>();
  // Kept apart from the scaler states so pods seen before an app's first evaluation still count.
  private final Map<ResourceID, ReadyLatencyEstimator> readyLatencies = new ConcurrentHashMap<>();
  private final Map<ResourceID, PredictionFailure> lastFailures = new ConcurrentHashMap<>();
  private final PredictionMetrics metrics;
  private final DemandHistories histories;
  private final PodReadyLatencyWatcher readyLatency;
  private final EngineStateStore stateStore;
  private final Clock clock;

  /** @param namespaces the namespaces the operator watches; empty means all */
  public PredictionService(PredictionSettings settings, KubernetesClient client, Set<String> namespaces,
      MeterRegistry registry, Clock clock) {
    this(settings, client, namespaces, registry, clock, ForecasterFactory.DEFAULT, null);
  }

  /** With injected forecasters and demand sources (null: Prometheus), for tests that make them fail. */
  public PredictionService(PredictionSettings settings, KubernetesClient client, Set<String> namespaces,
      MeterRegistry registry, Clock clock, ForecasterFactory forecasters, DemandSources sources) {
    this.settings = settings;
    this.clock = clock;
    this.scaler = new PredictiveScaler(clock, forecasters);
    this.histories = new DemandHistories(http, registry);
    this.sources = sources != null ? sources : (app, prometheus, query, spec) ->
        histories.forApp(ResourceID.fromResource(app), prometheus, query, spec.step(), spec.lookback());
    this.metrics = new PredictionMetrics(registry);
    this.stateStore = new EngineStateStore(client, registry, clock, settings.stateSaveEvery());
    this.readyLatency = new PodReadyLatencyWatcher(client, namespaces,
        (app, latency) -> readyLatencyOf(app).record(latency));
  }

  public PredictionSettings settings() {
    return settings;
  }

  public void start() {
    readyLatency.start();
  }

  @Override
  public void close() {
    readyLatency.close();
  }

  /**
   * Evaluates one app. Never throws: a failure yields the held floor and the failure. Runs on a
   * prediction worker; an interrupt from the scheduler's watchdog means the run timed out.
   */
  public PredictionOutcome evaluate(ScalableApp app) {
    long cpuStart = CPU.getCurrentThreadCpuTime();
    ResourceID id = ResourceID.fromResource(app);
    ScalerState state = states.computeIfAbsent(id, k -> restoredState(app, readyLatencyOf(id)));
    PredictionOutcome outcome;
    try {
      AppScalingSpec spec = ScalingSpecs.of(app, settings.step());
      PredictionSpec p = app.getSpec().getPrediction();
      URI prometheus = settings.prometheusFor(p);
      Recommendation r = scaler.evaluate(spec, sources.forApp(app, prometheus, p.getQuery(), spec), state);
      outcome = Thread.currentThread().isInterrupted()
          ? hold(app, state, new PredictionFailure(Kind.EvaluationTimedOut, "the evaluation took longer than "
              + DurationText.format(settings.timeout()) + " and was interrupted (" + r.message() + ")"))
          : PredictionOutcome.of(r);
    } catch (IllegalArgumentException | NullPointerException e) {
      outcome = hold(app, state, new PredictionFailure(Kind.InvalidSettings,
          "the prediction settings cannot be used: " + describe(e)));
    } catch (RuntimeException | StackOverflowError e) {
      outcome = hold(app, state, new PredictionFailure(Kind.EvaluationFailed, "the evaluation failed: " + describe(e)));
    }
    report(id, outcome);
    stateStore.saveIfDue(app, state);
    metrics.evaluationCpu(CPU.getCurrentThreadCpuTime() - cpuStart);
    return outcome;
  }

  /** Drops what the engine learned about an app that is gone or no longer predicted. */
  public void forget(ResourceID app) {
    states.remove(app);
    readyLatencies.remove(app);
    lastFailures.remove(app);
    histories.forget(app);
    metrics.forget(app);
    stateStore.forget(app);
  }

  public static boolean isPredicted(ScalableApp app) {
    return app.getSpec().getPrediction().getMode() != PredictionSpec.Mode.Off;
  }

  /** The floor held as for a metrics outage: the engine's own hold-then-decay rules, fed a source that fails. */
  private PredictionOutcome hold(ScalableApp app, ScalerState state, PredictionFailure failure) {
    DemandSource failing = (from, to, step) -> {
      throw new IllegalStateException(failure.message());
    };
    try {
      return new PredictionOutcome(scaler.evaluate(ScalingSpecs.fallback(app, settings.step()), failing, state),
          failure);
    } catch (RuntimeException e) {
      // Not even the fallback evaluates: keep whatever was decided last (the floor stays where it is).
      return new PredictionOutcome(state.lastRecommendation().orElse(null), failure);
    }
  }

  /** One log line when an app starts failing or fails differently, and when it recovers; a metric for every failure. */
  private void report(ResourceID id, PredictionOutcome outcome) {
    PredictionFailure failure = outcome.failure();
    if (outcome.recommendation() != null) {
      metrics.record(id, outcome.recommendation(), failure == null);
    }
    if (failure == null) {
      if (lastFailures.remove(id) != null) {
        LOG.info("Prediction for {} recovered", id);
      }
      return;
    }
    metrics.failure(id, failure.kind());
    PredictionFailure previous = lastFailures.put(id, failure);
    if (!Objects.equals(previous, failure)) {
      LOG.warn("Prediction for {} failed ({}): {}; holding the floor, next try in {}", id, failure.kind(),
          failure.message(), DurationText.format(settings.interval()));
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private ReadyLatencyEstimator readyLatencyOf(ResourceID app) {
    return readyLatencies.computeIfAbsent(app, k -> new ReadyLatencyEstimator());
  }

  /**
   * After a restart, continue from what was learned (the saved engine state) and from the floor recorded in
   * status, which is newer than the saved state, instead of dropping to replicas.min.
   */
  private ScalerState restoredState(ScalableApp app, ReadyLatencyEstimator readyLatency) {
    ScalerState state = stateStore.restore(app, snapshot -> scaler.restore(snapshot, readyLatency))
        .orElseGet(() -> new ScalerState(readyLatency));
    var status = app.getStatus();
    if (status != null && status.getPrediction() != null && status.getPrediction().getRecommendedReplicas() != null) {
      state.restoreFloor(status.getPrediction().getRecommendedReplicas(), clock.instant());
    }
    return state;
  }
}
