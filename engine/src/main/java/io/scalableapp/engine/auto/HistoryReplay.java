package io.scalableapp.engine.auto;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.replay.cluster.WorkloadModel;
import io.scalableapp.engine.replay.frontier.FrontierPoint;
import io.scalableapp.engine.replay.frontier.ReactiveFrontier;
import io.scalableapp.engine.replay.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.engine.replay.hpa.HpaSettings;
import io.scalableapp.engine.replay.metrics.ProvisioningMetrics;
import io.scalableapp.engine.replay.sim.EngineFloorSchedule;
import io.scalableapp.engine.replay.sim.FloorSchedule;
import io.scalableapp.engine.replay.sim.HpaPolicy;
import io.scalableapp.engine.replay.sim.MetricsServerPipeline;
import io.scalableapp.engine.replay.sim.Simulator;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.engine.replay.trace.TraceRecording;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The lab's same-cost comparison run on one app's own history: the engine, with the app's spec, replayed over the
 * history as it would have run live, its floor under the app's HPA, against the reactive HPA swept over CPU targets
 * (the frontier). Both HPAs read CPU as a real one does ({@link MetricsServerPipeline}) with the Kubernetes default
 * behaviour; pods take the app's observed start-to-ready time (p95).
 */
public final class HistoryReplay {

    /** Simulation step: the HPA's own sync period. */
    static final Duration TICK = HpaSettings.DEFAULT_SYNC_PERIOD;

    private final ForecasterFactory forecasters;

    public HistoryReplay(ForecasterFactory forecasters) {
        this.forecasters = forecasters;
    }

    /**
     * @param spec             the app's engine settings, as its live evaluations use them
     * @param history          the demand the operator holds for the app
     * @param hpaTargetPercent the HPA's CPU target; {@code spec.targetPerReplica()} is what a replica serves at it
     * @param readyLatency     the app's observed pod start-to-ready times (read only)
     * @param warmUp           replayed but not scored
     * @param replayInterval   how often the replayed engine re-evaluates
     * @throws IllegalArgumentException when the history is no longer than the warm-up
     * @throws IllegalStateException    when the thread is interrupted (an evaluation past its timeout)
     */
    public ReplayEvidence replay(AppScalingSpec spec, Series history, int hpaTargetPercent,
                                 ReadyLatencyEstimator readyLatency, Duration warmUp, Duration replayInterval) {
        Trace trace = TraceRecording.toTrace("history", history);
        int scoreFrom = (int) warmUp.toMinutes();
        if (scoreFrom >= trace.length()) {
            throw new IllegalArgumentException("the history (" + trace.length() + " min) is no longer than the "
                    + "warm-up (" + scoreFrom + " min)");
        }
        Duration startupDelay = readyLatency.p95();
        Simulator simulator = new Simulator(
                new WorkloadModel(spec.targetPerReplica() * 100.0 / hpaTargetPercent, startupDelay), TICK);
        FloorSchedule minReplicas = FloorSchedule.constant(spec.minReplicas());

        SortedSet<Integer> targets = new TreeSet<>(ReactiveFrontier.TARGETS);
        targets.add(hpaTargetPercent);
        List<FrontierPoint> frontier = new ArrayList<>();
        ProvisioningMetrics reactive = null;
        for (int target : targets) {
            ProvisioningMetrics m = run(simulator, trace, scoreFrom, spec, target, minReplicas);
            frontier.add(new FrontierPoint(target, m.replicaHours(), m.underProvisionedMinutes()));
            if (target == hpaTargetPercent) {
                reactive = m;
            }
        }

        AppScalingSpec replayed = spec.toBuilder().mode(ScalingMode.ENFORCE).step(Duration.ofMinutes(1)).build();
        EngineFloorSchedule engine = new EngineFloorSchedule(replayed, new ScalerState(readyLatency), trace,
                replayInterval, Optional.empty(), forecasters);
        FloorSchedule forecastFloor = now -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("the replay was interrupted");
            }
            return engine.minReplicasAt(now);
        };
        ProvisioningMetrics forecast = run(simulator, trace, scoreFrom, spec, hpaTargetPercent,
                forecastFloor.max(minReplicas));

        return new ReplayEvidence(trace.instant(scoreFrom), trace.instant(trace.length()), history.size(),
                new ReactiveFrontier(frontier).compare(forecast.replicaHours(), forecast.underProvisionedMinutes()),
                reactive.underProvisionedMinutes(), reactive.replicaHours());
    }

    private static ProvisioningMetrics run(Simulator simulator, Trace trace, int scoreFrom, AppScalingSpec spec,
                                           int target, FloorSchedule floor) {
        HpaPolicy hpa = new HpaPolicy("HPA at " + target + " %", new HorizontalPodAutoscalerModel(
                HpaSettings.kubernetesDefaults(target, spec.maxReplicas())), floor,
                new MetricsServerPipeline(simulator.workload().startupDelay()));
        return ProvisioningMetrics.of(simulator.run(trace, 0, scoreFrom, trace.length(), hpa, target / 100.0),
                simulator.workload());
    }
}
