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
import io.scalableapp.engine.replay.sim.FloorTimeline;
import io.scalableapp.engine.replay.sim.HpaPolicy;
import io.scalableapp.engine.replay.sim.MetricsServerPipeline;
import io.scalableapp.engine.replay.sim.Simulator;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.engine.replay.trace.TraceRecording;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The lab's same-cost comparison run on one app's own history: the engine, with the app's spec,
 * replayed over the history as it would have run live, its floor under the app's HPA, against the
 * reactive HPA swept over CPU targets and scale-down stabilisation windows (the envelope: the best
 * HPA alone at each cost, either knob turned). Both HPAs read CPU as a real one does ({@link
 * MetricsServerPipeline}) with the Kubernetes default behaviour; pods take the app's observed
 * start-to-ready time (p95).
 */
public final class HistoryReplay {

  /** Simulation step: the HPA's own sync period. */
  static final Duration TICK = HpaSettings.DEFAULT_SYNC_PERIOD;

  /** Kubernetes' scale-down stabilisation window, which the app's HPA and the forecast run with. */
  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  /**
   * The windows of the envelope: the default, and the longer ones the scaling lab found to be the
   * strong knob.
   */
  static final List<Duration> ENVELOPE_WINDOWS =
      List.of(
          DEFAULT_WINDOW, Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(60));

  /**
   * The longer windows are swept at every other target of the frontier's, to keep an hourly replay
   * cheap.
   */
  static final List<Integer> COARSE_TARGETS = List.of(40, 50, 60, 70, 80);

  private final ForecasterFactory forecasters;

  public HistoryReplay(ForecasterFactory forecasters) {
    this.forecasters = forecasters;
  }

  /**
   * @param spec the app's engine settings, as its live evaluations use them
   * @param history the demand the operator holds for the app
   * @param hpaTargetPercent the HPA's CPU target; {@code spec.targetPerReplica()} is what a replica
   *     serves at it
   * @param readyLatency the app's observed pod start-to-ready times (read only)
   * @param warmUp replayed but not scored
   * @param replayInterval how often the replayed engine re-evaluates
   * @throws IllegalArgumentException when the history is no longer than the warm-up
   * @throws IllegalStateException when the thread is interrupted (an evaluation past its timeout)
   */
  public ReplayEvidence replay(
      AppScalingSpec spec,
      Series history,
      int hpaTargetPercent,
      ReadyLatencyEstimator readyLatency,
      Duration warmUp,
      Duration replayInterval) {
    Trace trace = TraceRecording.toTrace("history", history);
    int scoreFrom = (int) warmUp.toMinutes();
    if (scoreFrom >= trace.length()) {
      throw new IllegalArgumentException(
          "the history ("
              + trace.length()
              + " min) is no longer than the "
              + "warm-up ("
              + scoreFrom
              + " min)");
    }
    Duration startupDelay = readyLatency.p95();
    Simulator simulator =
        new Simulator(
            new WorkloadModel(spec.targetPerReplica() * 100.0 / hpaTargetPercent, startupDelay),
            TICK);
    FloorTimeline minReplicas = FloorTimeline.constant(spec.minReplicas());

    SortedSet<Integer> targets = new TreeSet<>(ReactiveFrontier.TARGETS);
    targets.add(hpaTargetPercent);
    List<FrontierPoint> swept = new ArrayList<>();
    ProvisioningMetrics reactive = null;
    for (Duration window : ENVELOPE_WINDOWS) {
      for (int target : window.equals(DEFAULT_WINDOW) ? targets : COARSE_TARGETS) {
        ProvisioningMetrics m = run(simulator, trace, scoreFrom, spec, target, window, minReplicas);
        swept.add(new FrontierPoint(target, m.replicaHours(), m.underProvisionedMinutes()));
        if (target == hpaTargetPercent && window.equals(DEFAULT_WINDOW)) {
          reactive = m;
        }
      }
    }

    AppScalingSpec replayed =
        spec.toBuilder().mode(ScalingMode.ENFORCE).step(Duration.ofMinutes(1)).build();
    EngineFloorSchedule engine =
        new EngineFloorSchedule(
            replayed,
            new ScalerState(readyLatency),
            trace,
            replayInterval,
            Optional.empty(),
            forecasters);
    FloorTimeline forecastFloor =
        now -> {
          if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("the replay was interrupted");
          }
          return engine.minReplicasAt(now);
        };
    ProvisioningMetrics forecast =
        run(
            simulator,
            trace,
            scoreFrom,
            spec,
            hpaTargetPercent,
            DEFAULT_WINDOW,
            forecastFloor.max(minReplicas));

    return new ReplayEvidence(
        trace.instant(scoreFrom),
        trace.instant(trace.length()),
        history.size(),
        envelope(swept).compare(forecast.replicaHours(), forecast.underProvisionedMinutes()),
        reactive.underProvisionedMinutes(),
        reactive.replicaHours());
  }

  /**
   * The best HPA alone at each cost over both knobs: the swept points that no cheaper (or as cheap)
   * point matches on under-provisioned minutes, as the frontier the forecast is compared with.
   */
  static ReactiveFrontier envelope(List<FrontierPoint> swept) {
    List<FrontierPoint> front = new ArrayList<>();
    swept.stream()
        .sorted(
            Comparator.comparingDouble(FrontierPoint::replicaHours)
                .thenComparingDouble(FrontierPoint::underProvisionedMinutes))
        .forEach(
            p -> {
              if (front.isEmpty()
                  || p.underProvisionedMinutes()
                      < front.get(front.size() - 1).underProvisionedMinutes()) {
                front.add(p);
              }
            });
    if (front.size()
        == 1) { // a lone undominated point: the frontier needs two to interpolate between
      front.add(front.get(0));
    }
    return new ReactiveFrontier(front);
  }

  private static ProvisioningMetrics run(
      Simulator simulator,
      Trace trace,
      int scoreFrom,
      AppScalingSpec spec,
      int target,
      Duration window,
      FloorTimeline floor) {
    HpaSettings defaults = HpaSettings.kubernetesDefaults(target, spec.maxReplicas());
    HpaPolicy hpa =
        new HpaPolicy(
            "HPA at " + target + " %",
            new HorizontalPodAutoscalerModel(defaults.withScaleDownStabilization(window)),
            floor,
            new MetricsServerPipeline(simulator.workload().startupDelay()));
    return ProvisioningMetrics.of(
        simulator.run(trace, 0, scoreFrom, trace.length(), hpa, target / 100.0),
        simulator.workload());
  }
}
