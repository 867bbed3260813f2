package io.scalableapp.lab.predictive;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.replay.sim.EngineFloorSchedule;
import io.scalableapp.lab.experiment.PlannedRun;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.Scenario;
import io.scalableapp.engine.replay.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.engine.replay.sim.FloorSchedule;
import io.scalableapp.engine.replay.sim.HpaPolicy;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.engine.replay.sim.RecordedFloor;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Builds the "predictive floor + reactive HPA" runs exactly as the operator would configure them: the engine's
 * defaults for everything except what the scenario fixes (capacity per replica, replica bounds, model). The
 * engine's floor is recorded once per scenario and model ({@link #record}) and then replayed under each HPA.
 */
public final class PredictiveRuns {

    /** How often the operator re-evaluates an app: once per demand sample (1 minute). */
    public static final Duration EVALUATION_INTERVAL = Duration.ofMinutes(1);

    private final int minReplicas;
    private final int maxReplicas;
    private final int targetPercent;
    private final IntFunction<HorizontalPodAutoscalerModel> hpa;

    /**
     * @param targetPercent the HPA's target: the floor provisions forecast demand at the same utilisation, so the
     *                      floor and the HPA agree on what "enough replicas" means
     * @param hpa           a fresh HPA model for a CPU target
     */
    public PredictiveRuns(int minReplicas, int maxReplicas, int targetPercent,
                          IntFunction<HorizontalPodAutoscalerModel> hpa) {
        this.minReplicas = minReplicas;
        this.maxReplicas = maxReplicas;
        this.targetPercent = targetPercent;
        this.hpa = hpa;
    }

    public AppScalingSpec spec(Scenario s, ForecastModel model) {
        double utilization = targetPercent / 100.0;
        return AppScalingSpec.builder()
                .mode(ScalingMode.ENFORCE)
                .targetPerReplica(s.workload().capacityPerReplica() * utilization)
                .targetUtilization(utilization)
                .replicas(minReplicas, maxReplicas)
                .model(model)
                .build();
    }

    /** The engine's floor with its own forecasts, scored. */
    public EngineFloor record(Scenario s, ForecastModel model) {
        return record(s, PolicyKind.PREDICTIVE, "predictive " + model, model, ForecastDegradation.none(), true);
    }

    /** The engine's floor on deliberately degraded AUTO forecasts, not scored. */
    public EngineFloor recordDegraded(Scenario s, ForecastDegradation degradation) {
        return record(s, PolicyKind.DEGRADED, "AUTO, " + degradation.label(), ForecastModel.AUTO, degradation, false);
    }

    /** The HPA at the reference target with the recorded floor (and optionally a second floor) as minReplicas. */
    public PlannedRun run(EngineFloor floor, HpaVariant variant, PolicyKind kind, String label,
                          Optional<FloorSchedule> extraFloor) {
        Scenario s = floor.scenario();
        FloorSchedule combined = extraFloor.map(floor.floor()::max).orElse(floor.floor());
        return new PlannedRun(s, kind, label, variant, targetPercent,
                () -> new HpaPolicy(label, hpa.apply(targetPercent), combined, variant.newPipeline(s.workload())));
    }

    public PlannedRun run(EngineFloor floor, HpaVariant variant) {
        return run(floor, variant, floor.kind(), floor.label(), Optional.empty());
    }

    private EngineFloor record(Scenario s, PolicyKind kind, String label, ForecastModel model,
                               ForecastDegradation degradation, boolean scoreForecasts) {
        AppScalingSpec spec = spec(s, model);
        ScalerState state = new ScalerState(podsObservedStarting(s.workload().startupDelay()));
        Optional<ForecastScorer> scorer = scoreForecasts
                ? Optional.of(new ForecastScorer(s.trace(), s.scoreFrom(), s.scoreTo(), horizonMinutes(s, spec)))
                : Optional.empty();
        EngineFloorSchedule engine = new EngineFloorSchedule(spec, state, s.trace(), EVALUATION_INTERVAL, scorer,
                degradation.factory());
        RecordedFloor floor = RecordedFloor.record(engine, s.trace(), s.warmUpFrom(), s.scoreTo());
        return new EngineFloor(s, kind, label, floor, scorer.map(f -> f.score(0, s.split().testStart())));
    }

    /** The engine's horizon in whole minutes: learned pod-ready p95 plus its margin. */
    public static int horizonMinutes(Scenario s, AppScalingSpec spec) {
        ReadyLatencyEstimator latency = podsObservedStarting(s.workload().startupDelay());
        return (int) latency.p95().plus(spec.horizonMargin()).toMinutes();
    }

    /**
     * The operator learns the horizon from the pods' observed start-to-ready times. In the replay every pod
     * takes the startup delay, so the estimator is primed with enough such observations to be in force.
     */
    static ReadyLatencyEstimator podsObservedStarting(Duration startupDelay) {
        ReadyLatencyEstimator estimator = new ReadyLatencyEstimator();
        for (int i = 0; i < ReadyLatencyEstimator.MIN_SAMPLES; i++) {
            estimator.record(startupDelay);
        }
        return estimator;
    }
}
