package io.scalableapp.lab.predictive;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.lab.experiment.PlannedRun;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.Scenario;
import io.scalableapp.lab.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.lab.sim.HpaPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the "predictive floor + reactive HPA" runs exactly as the operator would configure them: the engine's
 * defaults for everything except what the scenario fixes (capacity per replica, replica bounds, model).
 */
public final class PredictiveRuns {

    /** How often the operator re-evaluates an app: once per demand sample (1 minute). */
    public static final Duration EVALUATION_INTERVAL = Duration.ofMinutes(1);

    private final int minReplicas;
    private final int maxReplicas;
    private final double targetUtilization;
    private final Supplier<HorizontalPodAutoscalerModel> hpa;

    /**
     * @param targetUtilization the HPA's target: the floor provisions forecast demand at the same utilisation,
     *                          so the floor and the HPA agree on what "enough replicas" means
     */
    public PredictiveRuns(int minReplicas, int maxReplicas, double targetUtilization,
                          Supplier<HorizontalPodAutoscalerModel> hpa) {
        this.minReplicas = minReplicas;
        this.maxReplicas = maxReplicas;
        this.targetUtilization = targetUtilization;
        this.hpa = hpa;
    }

    public AppScalingSpec spec(Scenario s, ForecastModel model) {
        return AppScalingSpec.builder()
                .mode(ScalingMode.ENFORCE)
                .targetPerReplica(s.workload().capacityPerReplica() * targetUtilization)
                .targetUtilization(targetUtilization)
                .replicas(minReplicas, maxReplicas)
                .model(model)
                .build();
    }

    public PlannedRun run(Scenario s, ForecastModel model) {
        return new PlannedRun(s, PolicyKind.PREDICTIVE, "predictive " + model,
                () -> policy(s, model, ForecastDegradation.none(), true));
    }

    public PlannedRun degraded(Scenario s, ForecastDegradation degradation) {
        return new PlannedRun(s, PolicyKind.DEGRADED, "AUTO, " + degradation.label(),
                () -> policy(s, ForecastModel.AUTO, degradation, false));
    }

    private PlannedRun.PolicyUnderTest policy(Scenario s, ForecastModel model, ForecastDegradation degradation,
                                              boolean scoreForecasts) {
        AppScalingSpec spec = spec(s, model);
        ScalerState state = new ScalerState(podsObservedStarting(s.workload().startupDelay()));
        Duration horizon = state.readyLatency().p95().plus(spec.horizonMargin());
        Optional<ForecastScorer> scorer = scoreForecasts
                ? Optional.of(new ForecastScorer(s.trace(), s.split().testStart(), s.trace().length(),
                        (int) horizon.toMinutes()))
                : Optional.empty();
        EngineFloorSchedule floor = new EngineFloorSchedule(spec, state, s.trace(), EVALUATION_INTERVAL, scorer,
                degradation.factory());
        return new PlannedRun.PolicyUnderTest(new HpaPolicy("predictive", hpa.get(), floor), scorer);
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
