package io.scalableapp.operator.prediction;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.MeterRegistry;
import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.PredictiveScaler;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.auto.AutoMode;
import io.scalableapp.engine.auto.AutoModeState;
import io.scalableapp.engine.auto.AutoVerdict;
import io.scalableapp.engine.auto.PolicyTuning;
import io.scalableapp.engine.auto.TunedPolicy;
import io.scalableapp.engine.auto.TuningVerdict;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.floor.NoiseFloorRule;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.text.DurationText;
import io.scalableapp.operator.api.AutoModeStatus;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.PredictionStatus;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.api.TuningSpec;
import io.scalableapp.operator.api.TuningStatus;
import io.scalableapp.operator.api.translate.AutoscalingDecision;
import io.scalableapp.operator.api.translate.ScalingSpecs;
import io.scalableapp.operator.api.translate.TuningSpecs;
import io.scalableapp.operator.api.translate.TuningText;
import io.scalableapp.operator.prediction.PredictionFailure.Kind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
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
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  // By UID, as autoModes: a new app of a deleted one's name starts from its own state, never the
  // old app's.
  private final Map<String, ScalerState> states = new ConcurrentHashMap<>();
  // Kept apart from the scaler states so pods seen before an app's first evaluation still count;
  // only for tracked
  // apps, so Pods of apps that are gone or not predicted leave nothing behind.
  private final Map<ResourceID, ReadyLatencyEstimator> readyLatencies = new ConcurrentHashMap<>();

  /**
   * Held while an evaluation records its result and while an app is forgotten, so neither undoes
   * the other.
   */
  private final Object lifecycle = new Object();

  private final Map<ResourceID, PredictionFailure> lastFailures = new ConcurrentHashMap<>();
  private final PredictionMetrics metrics;
  private final DemandHistories histories;
  private final PodReadyLatencyWatcher readyLatency;
  private final EngineStateStore stateStore;
  private final Clock clock;
  private final AutoMode autoMode;
  private final Map<String, AutoModeState> autoModes = new ConcurrentHashMap<>();
  private final PolicyTuning tuning;
  private final ForecasterFactory forecasters;
  private final Map<String, TuningEntry> tunings = new ConcurrentHashMap<>();
  // What each Auto or tuned app's last evaluation fetched (the history's own series, not a copy):
  // its evidence is replayed
  // from it, so mode Auto sends Prometheus no query of its own.
  private final Map<String, Series> heldDemand = new ConcurrentHashMap<>();

  /**
   * @param namespaces the namespaces the operator watches; empty means all
   */
  public PredictionService(
      PredictionSettings settings,
      KubernetesClient client,
      Set<String> namespaces,
      MeterRegistry registry,
      Clock clock) {
    this(settings, client, namespaces, registry, clock, ForecasterFactory.DEFAULT, null);
  }

  /**
   * With injected forecasters and demand sources (null: Prometheus), for tests that make them fail.
   */
  public PredictionService(
      PredictionSettings settings,
      KubernetesClient client,
      Set<String> namespaces,
      MeterRegistry registry,
      Clock clock,
      ForecasterFactory forecasters,
      DemandSources sources) {
    this.settings = settings;
    this.clock = clock;
    this.scaler = new PredictiveScaler(clock, forecasters);
    this.autoMode = new AutoMode(clock, settings.autoMode(), forecasters);
    this.tuning =
        new PolicyTuning(
            clock, settings.autoMode().evaluateEvery(), settings.autoMode().retryAfterFailure());
    this.forecasters = forecasters;
    this.histories = new DemandHistories(http, registry);
    this.sources =
        sources != null
            ? sources
            : (app, prometheus, query, spec) ->
                histories.forApp(
                    ResourceID.fromResource(app), prometheus, query, spec.step(), spec.lookback());
    this.metrics = new PredictionMetrics(registry);
    this.stateStore = new EngineStateStore(client, registry, clock, settings.stateSaveEvery());
    this.readyLatency = new PodReadyLatencyWatcher(client, namespaces, this::recordReadyLatency);
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

  /** Evaluates {@code app}, which stays current throughout (tests, the what-if). */
  public PredictionOutcome evaluate(ScalableApp app) {
    return evaluate(app, () -> true);
  }

  /**
   * Evaluates one app. Never throws: a failure yields the held floor and the failure. Runs on a
   * prediction worker; an interrupt from the scheduler's watchdog means the run timed out.
   *
   * @param current whether {@code app} is still the app the operator tracks under its name: false
   *     once it was deleted, or replaced by a new app of the same name, while this ran. Such a run
   *     leaves nothing behind: no gauges, no saved state, nothing a new app of that name could
   *     inherit.
   */
  public PredictionOutcome evaluate(ScalableApp app, BooleanSupplier current) {
    long cpuStart = CPU.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    ResourceID id = ResourceID.fromResource(app);
    String uid = instanceKey(app);
    ScalerState state = stateOf(app, uid, id);
    boolean auto = app.getSpec().getPrediction().getMode() == PredictionSpec.Mode.Auto;
    Optional<TuningSpec> tuned = TuningSpecs.of(app);
    if (!auto) {
      forgetAutoMode(id, uid);
    }
    if (tuned.isEmpty()) {
      forgetTuning(uid);
    }
    if (!auto && tuned.isEmpty()) {
      heldDemand.remove(uid);
    }
    AutoModeState autoState =
        auto ? autoModes.computeIfAbsent(uid, k -> restoredAutoMode(app)) : null;
    AutoVerdict verdict = auto ? judgeAutoMode(app, id, autoState, state) : null;
    TuningVerdict tuningVerdict = tuned.map(t -> judgeTuning(app, id, uid, t, state)).orElse(null);
    // What runs, also before the first search after a restart (the policy status recorded as
    // running).
    TunedPolicy tunedRunning =
        Optional.ofNullable(tunings.get(uid)).map(e -> e.state().running()).orElse(null);
    ScalingMode effectiveMode = auto ? tunedMode(app, tunedRunning).orElse(autoState.mode()) : null;
    Optional<NoiseFloorRule> noiseFloor =
        auto ? tunedNoiseFloor(app, tunedRunning) : Optional.empty();
    PredictionOutcome outcome;
    ObservedDemand observed = null;
    try {
      AppScalingSpec spec =
          withNoiseFloor(inMode(ScalingSpecs.of(app, settings.step()), effectiveMode), noiseFloor);
      PredictionSpec p = app.getSpec().getPrediction();
      URI prometheus = settings.allowedPrometheusFor(p);
      observed = new ObservedDemand(sources.forApp(app, prometheus, p.getQuery(), spec));
      DemandSource source = observed;
      Recommendation r =
          scaler.evaluate(spec, auto || tuned.isPresent() ? holding(uid, source) : source, state);
      outcome =
          Thread.currentThread().isInterrupted()
              ? hold(
                  app,
                  state,
                  effectiveMode,
                  new PredictionFailure(
                      Kind.EvaluationTimedOut,
                      "the evaluation took longer "
                          + "than "
                          + DurationText.format(settings.timeout())
                          + " and was interrupted ("
                          + r.message()
                          + ")"))
              : PredictionOutcome.of(r);
    } catch (IllegalArgumentException | NullPointerException e) {
      outcome =
          hold(
              app,
              state,
              effectiveMode,
              new PredictionFailure(
                  Kind.InvalidSettings, "the prediction settings cannot be used: " + describe(e)));
    } catch (RuntimeException | StackOverflowError e) {
      outcome =
          hold(
              app,
              state,
              effectiveMode,
              new PredictionFailure(
                  Kind.EvaluationFailed, "the evaluation failed: " + describe(e)));
    }
    synchronized (lifecycle) {
      if (!current.getAsBoolean()) {
        dropStale(uid, state, autoState);
        return outcome.withAutoMode(verdict).withTuning(tuningVerdict);
      }
      report(id, outcome);
      if (observed != null) {
        observed.latest().ifPresent(latest -> metrics.demand(id, latest));
      }
      if (auto) {
        metrics.autoMode(id, autoState.mode());
      }
    }
    // Outside the lock (a network call); an app deleted just now at worst gets a ConfigMap its
    // owner's deletion removes.
    // A state not kept (its saved document could not be read) is never saved over that document.
    if (states.get(uid) == state) {
      stateStore.saveIfDue(app, state);
    }
    metrics.evaluationCpu(CPU.getCurrentThreadCpuTime() - cpuStart);
    metrics.evaluationDuration(System.nanoTime() - wallStart);
    return outcome.withAutoMode(verdict).withTuning(tuningVerdict);
  }

  /**
   * Under mode Auto, a tuned policy that runs decides whether the floor runs: its floor family is
   * the search's verdict on the forecast, validated out of sample. Otherwise Auto's own verdict
   * decides.
   */
  private static Optional<ScalingMode> tunedMode(ScalableApp app, TunedPolicy running) {
    if (running == null || !TuningSpecs.applies(app) || running.equals(TuningSpecs.user(app))) {
      return Optional.empty();
    }
    return Optional.of(running.reactive() ? ScalingMode.SHADOW : ScalingMode.ENFORCE);
  }

  /**
   * The tuned policy's floor when it is a noise floor on the recent level: the engine runs it in
   * the forecast floor's place ({@link AppScalingSpec#noiseFloor}), with the app's tracker kept in
   * its engine state (by UID).
   */
  private static Optional<NoiseFloorRule> tunedNoiseFloor(ScalableApp app, TunedPolicy running) {
    return tunedMode(app, running)
        .filter(mode -> mode == ScalingMode.ENFORCE)
        .flatMap(mode -> TuningSpecs.liveNoiseFloor(running.floor()));
  }

  private static AppScalingSpec withNoiseFloor(
      AppScalingSpec spec, Optional<NoiseFloorRule> noiseFloor) {
    return noiseFloor.map(rule -> spec.toBuilder().noiseFloor(rule).build()).orElse(spec);
  }

  /** An app's tuning state and the spec it was made for. */
  private record TuningEntry(String inputs, PolicyTuning.State state) {}

  /**
   * spec.autoscaling.tuning: when due, searches the app's policy on the demand its previous
   * evaluation fetched; else the last verdict. Never throws: a failed search is logged, counted and
   * retried, and the running policy stays.
   */
  private TuningVerdict judgeTuning(
      ScalableApp app, ResourceID id, String uid, TuningSpec spec, ScalerState state) {
    String inputs = TuningSpecs.inputs(app);
    PolicyTuning.State t =
        tunings
            .compute(
                uid,
                (k, e) ->
                    e != null && e.inputs().equals(inputs)
                        ? e
                        : new TuningEntry(
                            inputs,
                            e == null
                                ? restoredTuning(app)
                                : tuning.newState(TuningSpecs.user(app))))
            .state();
    Series held = heldDemand.get(uid);
    if (held == null || !tuning.due(t)) {
      return t.last().orElse(null);
    }
    if (!AutoscalingDecision.isActive(app)) {
      return tuning.withoutHpa(t);
    }
    TunedPolicy before = t.running();
    try {
      AppScalingSpec engineSpec = ScalingSpecs.of(app, settings.step());
      TuningVerdict v =
          tuning.search(
              t,
              held,
              TuningSpecs.user(app),
              TuningSpecs.capacityPerReplica(app),
              state.readyLatency().p95(),
              engineSpec.minReplicas(),
              engineSpec.maxReplicas(),
              TuningSpecs.families(
                  app,
                  engineSpec,
                  state.readyLatency(),
                  settings.autoMode().replayInterval(),
                  forecasters),
              TuningSpecs.settings(spec, settings.autoMode().warmUp()));
      if (!v.running().equals(before)) {
        LOG.info("tuning for {}: {}", id, TuningText.message(v));
      }
      return v;
    } catch (RuntimeException | StackOverflowError e) {
      metrics.failure(id, Kind.PolicySearchFailed);
      TuningVerdict previous = t.last().orElse(null);
      TuningVerdict v = tuning.failed(t, "the policy search failed: " + describe(e));
      boolean sameFailure =
          previous != null
              && previous.outcome() == TuningVerdict.Outcome.FAILED
              && previous.problem().equals(v.problem());
      if (!sameFailure) {
        LOG.warn(
            "tuning for {}: {}; {} keeps running and the search is retried in {}",
            id,
            v.problem(),
            v.running(),
            DurationText.format(tuning.retryAfterFailure()));
      }
      return v;
    }
  }

  /**
   * After a restart, the policy status recorded as running, and the next search a cadence after the
   * recorded one, so a restart neither drops a tuned policy nor searches every app at once.
   */
  private PolicyTuning.State restoredTuning(ScalableApp app) {
    TuningStatus recorded =
        Optional.ofNullable(app.getStatus()).map(ScalableAppStatus::getTuning).orElse(null);
    TunedPolicy running = TuningText.recordedRunning(recorded).orElse(TuningSpecs.user(app));
    Instant next =
        Optional.ofNullable(recorded)
            .flatMap(r -> instant(r.getEvaluatedAt()))
            .map(at -> at.plus(settings.autoMode().evaluateEvery()))
            .orElse(clock.instant());
    return new PolicyTuning.State(running, next);
  }

  private void forgetTuning(String uid) {
    tunings.remove(uid);
  }

  /**
   * An evaluation of an app that went away meanwhile: whatever it put in place is removed again.
   */
  private void dropStale(String uid, ScalerState state, AutoModeState autoState) {
    states.remove(uid, state);
    if (autoState != null) {
      autoModes.remove(uid, autoState);
    }
    tunings.remove(uid);
    heldDemand.remove(uid);
    LOG.debug(
        "Dropped the result of an evaluation of app {}: deleted or replaced while it ran", uid);
  }

  /**
   * mode Auto: when due, judges the app on the demand its previous evaluation fetched; else the
   * last verdict (none before the first fetch after a start). Never throws: a failed replay is
   * logged, counted and retried, and the app keeps its mode.
   */
  private AutoVerdict judgeAutoMode(
      ScalableApp app, ResourceID id, AutoModeState auto, ScalerState state) {
    Series held = heldDemand.get(instanceKey(app));
    AutoVerdict verdict;
    if (held == null || !autoMode.due(auto)) {
      verdict = auto.last().orElse(null);
    } else if (!AutoscalingDecision.isActive(app)) {
      verdict = autoMode.withoutHpa(auto);
    } else {
      try {
        verdict =
            autoMode.evaluate(
                auto,
                ScalingSpecs.of(app, settings.step()),
                held,
                app.getSpec().getAutoscaling().getTargetCPUUtilizationPercentage(),
                state.readyLatency());
        if (verdict.changedMode()) {
          LOG.info("mode Auto for {} {}", id, AutoModeText.message(verdict));
        }
      } catch (RuntimeException | StackOverflowError e) {
        metrics.failure(id, Kind.AutoEvidenceFailed);
        AutoVerdict previous = auto.last().orElse(null);
        verdict = autoMode.failed(auto, "replaying the demand history failed: " + describe(e));
        boolean sameFailure =
            previous != null
                && previous.outcome() == AutoVerdict.Outcome.FAILED
                && previous.problem().equals(verdict.problem());
        if (!sameFailure) { // logged when it starts failing or fails differently; the metric counts
          // every failure
          LOG.warn(
              "mode Auto for {}: {}; it stays in {} and is retried in {}",
              id,
              verdict.problem(),
              AutoModeText.modeName(auto.mode()),
              DurationText.format(settings.autoMode().retryAfterFailure()));
        }
      }
    }
    return verdict;
  }

  /**
   * The app's demand source, remembering the latest valid point of each fetch; exported beside the
   * forecast only once the run is known to be current, so a run that outlived its app registers no
   * gauge for it.
   */
  private static final class ObservedDemand implements DemandSource {
    private final DemandSource source;
    private volatile double latest = Double.NaN;

    ObservedDemand(DemandSource source) {
      this.source = source;
    }

    @Override
    public Series fetch(Instant from, Instant to, Duration step) throws Exception {
      Series fetched = source.fetch(from, to, step);
      for (int i = fetched.size() - 1; i >= 0; i--) {
        if (!Double.isNaN(fetched.get(i))) {
          latest = fetched.get(i);
          break;
        }
      }
      return fetched;
    }

    OptionalDouble latest() {
      return Double.isNaN(latest) ? OptionalDouble.empty() : OptionalDouble.of(latest);
    }
  }

  /**
   * The replicas a predicted app runs and its HPA wants, and whether it is paused, as the
   * reconciler sees them.
   */
  public void observeReplicas(ScalableApp app, Integer ready, Integer hpaDesired, boolean paused) {
    metrics.replicas(ResourceID.fromResource(app), ready, hpaDesired, paused);
  }

  /** Exports how many evaluations wait for a free worker. */
  void watchQueue(IntSupplier waiting) {
    metrics.queue(waiting);
  }

  /** The app's demand source, keeping what each fetch returned for mode Auto's replay. */
  private DemandSource holding(String uid, DemandSource source) {
    return (from, to, step) -> {
      Series fetched = source.fetch(from, to, step);
      heldDemand.put(uid, fetched);
      return fetched;
    };
  }

  private static AppScalingSpec inMode(AppScalingSpec spec, ScalingMode effectiveMode) {
    return effectiveMode == null ? spec : spec.toBuilder().mode(effectiveMode).build();
  }

  /**
   * After a restart, the mode Auto had chosen, as status recorded it, and its next judgement a
   * cadence after the recorded one: a restart neither demotes an enforcing app nor replays every
   * app at once.
   */
  private AutoModeState restoredAutoMode(ScalableApp app) {
    AutoModeStatus recorded =
        Optional.ofNullable(app.getStatus())
            .map(ScalableAppStatus::getPrediction)
            .map(PredictionStatus::getAutoMode)
            .orElse(null);
    if (recorded == null) {
      return autoMode.newState();
    }
    ScalingMode mode =
        "Enforce".equals(recorded.getEffectiveMode()) ? ScalingMode.ENFORCE : ScalingMode.SHADOW;
    Instant next =
        instant(recorded.getEvaluatedAt())
            .map(t -> t.plus(settings.autoMode().evaluateEvery()))
            .orElse(clock.instant());
    return new AutoModeState(mode, instant(recorded.getSince()), next);
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.ofNullable(text).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private void forgetAutoMode(ResourceID app, String uid) {
    autoModes.remove(uid);
    metrics.forgetAutoMode(app);
  }

  /**
   * Starts keeping what is learned about {@code app} (its Pods' ready latency) before its first
   * evaluation.
   */
  public void track(ScalableApp app) {
    readyLatencyOf(ResourceID.fromResource(app));
  }

  /** Drops what the engine learned about an app that is gone or no longer predicted. */
  public void forget(ScalableApp app) {
    ResourceID id = ResourceID.fromResource(app);
    String uid = instanceKey(app);
    synchronized (lifecycle) {
      states.remove(uid);
      readyLatencies.remove(id);
      lastFailures.remove(id);
      forgetAutoMode(id, uid);
      forgetTuning(uid);
      heldDemand.remove(uid);
      histories.forget(id);
      metrics.forget(id);
      stateStore.forget(id);
    }
  }

  /** A Pod's creation-to-Ready time, kept only for an app this service tracks. */
  void recordReadyLatency(ResourceID app, Duration latency) {
    readyLatencies.computeIfPresent(
        app,
        (k, estimator) -> {
          estimator.record(latency);
          return estimator;
        });
  }

  /**
   * This very app, not any app of its name: its UID (its name for an app that never was on a
   * server).
   */
  private static String instanceKey(ScalableApp app) {
    String uid = app.getMetadata().getUid();
    return uid != null ? uid : ResourceID.fromResource(app).toString();
  }

  /** How many apps' ready latencies are kept. */
  int readyLatenciesKept() {
    return readyLatencies.size();
  }

  public static boolean isPredicted(ScalableApp app) {
    return app.getSpec().getPrediction().getMode() != PredictionSpec.Mode.Off;
  }

  /**
   * The floor held as for a metrics outage: the engine's own hold-then-decay rules, fed a source
   * that fails; in the mode Auto chose, if it is Auto.
   */
  private PredictionOutcome hold(
      ScalableApp app, ScalerState state, ScalingMode effectiveMode, PredictionFailure failure) {
    DemandSource failing =
        (from, to, step) -> {
          throw new IllegalStateException(failure.message());
        };
    try {
      return new PredictionOutcome(
          scaler.evaluate(
              inMode(ScalingSpecs.fallback(app, settings.step()), effectiveMode), failing, state),
          failure);
    } catch (RuntimeException e) {
      // Not even the fallback evaluates: keep whatever was decided last (the floor stays where it
      // is).
      return new PredictionOutcome(state.lastRecommendation().orElse(null), failure);
    }
  }

  /**
   * One log line when an app starts failing or fails differently, and when it recovers; a metric
   * for every failure.
   */
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
      LOG.warn(
          "Prediction for {} failed ({}): {}; holding the floor, next try in {}",
          id,
          failure.kind(),
          failure.message(),
          DurationText.format(settings.interval()));
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
   * The app's engine state: kept from its last evaluation, else restored. After a restart it
   * continues from what was learned (the saved engine state) and from the floor recorded in status,
   * which is newer than the saved state, instead of dropping to replicas.min. When the saved state
   * cannot be read, this evaluation runs on a fresh state that is not kept: the next one reads the
   * document again, so a transient failure never erases what was learned.
   */
  private ScalerState stateOf(ScalableApp app, String uid, ResourceID id) {
    ScalerState kept = states.get(uid);
    if (kept != null) {
      return kept;
    }
    ReadyLatencyEstimator readyLatency = readyLatencyOf(id);
    EngineStateStore.Restored restored =
        stateStore.restore(app, snapshot -> scaler.restore(snapshot, readyLatency));
    ScalerState state = restored.state().orElseGet(() -> new ScalerState(readyLatency));
    var status = app.getStatus();
    if (status != null
        && status.getPrediction() != null
        && status.getPrediction().getRecommendedReplicas() != null) {
      state.restoreFloor(status.getPrediction().getRecommendedReplicas(), clock.instant());
    }
    if (!restored.readable()) {
      return state;
    }
    ScalerState raced = states.putIfAbsent(uid, state);
    return raced != null ? raced : state;
  }
}
