package io.scalableapp.lab.predictive;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.replay.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.engine.replay.sim.EngineFloorSchedule;
import io.scalableapp.engine.replay.sim.FloorTimeline;
import io.scalableapp.engine.replay.sim.HpaPolicy;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.engine.replay.sim.RecordedFloor;
import io.scalableapp.lab.experiment.PlannedRun;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.Scenario;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Builds the "predictive floor + reactive HPA" runs with the engine configured as the operator
 * would configure it ({@link EngineSpecs}: the lab's sizing, or an existing app's own settings).
 * The engine's floor is recorded once per scenario and model ({@link #record}) and then replayed
 * under each HPA.
 */
public final class PredictiveRuns {

  /** How often the operator re-evaluates an app: once per demand sample (1 minute). */
  public static final Duration EVALUATION_INTERVAL = Duration.ofMinutes(1);

  /** The engine's settings for a scenario and model, in the trace's unit (requests per minute). */
  @FunctionalInterface
  public interface EngineSpecs {
    AppScalingSpec spec(Scenario s, ForecastModel model);
  }

  private final int targetPercent;
  private final IntFunction<HorizontalPodAutoscalerModel> hpa;
  private final EngineSpecs specs;

  /**
   * @param targetPercent the HPA's target the floors run under
   * @param hpa a fresh HPA model for a CPU target
   * @param specs the engine's settings; they provision forecast demand at the HPA's target
   *     utilisation, so the floor and the HPA agree on what "enough replicas" means
   */
  public PredictiveRuns(
      int targetPercent, IntFunction<HorizontalPodAutoscalerModel> hpa, EngineSpecs specs) {
    this.targetPercent = targetPercent;
    this.hpa = hpa;
    this.specs = specs;
  }

  /**
   * The engine's defaults for everything except what the scenario fixes: capacity per replica (the
   * workload's, at {@code targetPercent}), replica bounds and model.
   */
  public static EngineSpecs sizedByWorkload(int minReplicas, int maxReplicas, int targetPercent) {
    double utilization = targetPercent / 100.0;
    return (s, model) ->
        AppScalingSpec.builder()
            .mode(ScalingMode.ENFORCE)
            .targetPerReplica(s.workload().capacityPerReplica() * utilization)
            .targetUtilization(utilization)
            .replicas(minReplicas, maxReplicas)
            .model(model)
            .build();
  }

  public AppScalingSpec spec(Scenario s, ForecastModel model) {
    return specs.spec(s, model);
  }

  /** The engine's floor with its own forecasts, scored. */
  public EngineFloor record(Scenario s, ForecastModel model) {
    return record(
        s, PolicyKind.PREDICTIVE, "predictive " + model, model, ForecastDegradation.none(), true);
  }

  /** The engine's floor on deliberately degraded AUTO forecasts, not scored. */
  public EngineFloor recordDegraded(Scenario s, ForecastDegradation degradation) {
    return record(
        s,
        PolicyKind.DEGRADED,
        "AUTO, " + degradation.label(),
        ForecastModel.AUTO,
        degradation,
        false);
  }

  /**
   * The HPA at the reference target with the recorded floor (and optionally a second floor) as
   * minReplicas.
   */
  public PlannedRun run(
      EngineFloor floor,
      HpaVariant variant,
      PolicyKind kind,
      String label,
      Optional<FloorTimeline> extraFloor) {
    Scenario s = floor.scenario();
    FloorTimeline combined = extraFloor.map(floor.floor()::max).orElse(floor.floor());
    return new PlannedRun(
        s,
        kind,
        label,
        variant,
        targetPercent,
        () ->
            new HpaPolicy(
                label, hpa.apply(targetPercent), combined, variant.newPipeline(s.workload())));
  }

  public PlannedRun run(EngineFloor floor, HpaVariant variant) {
    return run(floor, variant, floor.kind(), floor.label(), Optional.empty());
  }

  private EngineFloor record(
      Scenario s,
      PolicyKind kind,
      String label,
      ForecastModel model,
      ForecastDegradation degradation,
      boolean scoreForecasts) {
    AppScalingSpec spec = spec(s, model);
    ScalerState state = new ScalerState(podsObservedStarting(s.workload().startupDelay()));
    Optional<ForecastScorer> scorer =
        scoreForecasts
            ? Optional.of(
                new ForecastScorer(s.trace(), s.scoreFrom(), s.scoreTo(), horizonMinutes(s, spec)))
            : Optional.empty();
    EngineFloorSchedule engine =
        new EngineFloorSchedule(
            spec, state, s.trace(), EVALUATION_INTERVAL, scorer, degradation.factory());
    RecordedFloor floor = RecordedFloor.record(engine, s.trace(), s.warmUpFrom(), s.scoreTo());
    return new EngineFloor(
        s, kind, label, floor, scorer.map(f -> f.score(0, s.split().testStart())));
  }

  /**
   * The engine's horizon in whole minutes: the spec's fixed one, or learned pod-ready p95 plus its
   * margin.
   */
  public static int horizonMinutes(Scenario s, AppScalingSpec spec) {
    Duration horizon =
        spec.horizon()
            .orElseGet(
                () ->
                    podsObservedStarting(s.workload().startupDelay())
                        .p95()
                        .plus(spec.horizonMargin()));
    return (int) horizon.toMinutes();
  }

  /**
   * The operator learns the horizon from the pods' observed start-to-ready times. In the replay
   * every pod takes the startup delay, so the estimator is primed with enough such observations to
   * be in force.
   */
  static ReadyLatencyEstimator podsObservedStarting(Duration startupDelay) {
    ReadyLatencyEstimator estimator = new ReadyLatencyEstimator();
    for (int i = 0; i < ReadyLatencyEstimator.MIN_SAMPLES; i++) {
      estimator.record(startupDelay);
    }
    return estimator;
  }
}
