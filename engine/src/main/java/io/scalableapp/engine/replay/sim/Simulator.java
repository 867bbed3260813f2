package io.scalableapp.engine.replay.sim;

import io.scalableapp.engine.replay.cluster.PodPool;
import io.scalableapp.engine.replay.cluster.WorkloadModel;
import io.scalableapp.engine.replay.trace.Trace;
import java.time.Duration;
import java.time.Instant;

/**
 * Replays a trace against one policy at a fixed step (demand is constant within a minute). Each
 * tick the policy sees the cluster and sets spec.replicas; new pods become ready after the startup
 * delay; the tick's demand is then served by the ready pods only.
 *
 * <p>A masked minute replays the last observed demand so that the cluster does not collapse during
 * a log gap; it is never scored.
 */
public final class Simulator {

  private final WorkloadModel workload;
  private final int stepSeconds;

  public Simulator(WorkloadModel workload, Duration step) {
    this.workload = workload;
    this.stepSeconds = (int) step.toSeconds();
    if (stepSeconds <= 0 || 60 % stepSeconds != 0) {
      throw new IllegalArgumentException("step must divide a minute: " + step);
    }
  }

  public WorkloadModel workload() {
    return workload;
  }

  /**
   * Runs minutes {@code [warmUpFrom, to)} and records {@code [scoreFrom, to)}. The cluster starts
   * with enough ready pods for the first minute at the given utilisation, so the warm-up only has
   * to settle controller state, not build the cluster from nothing.
   */
  public SimulationResult run(
      Trace trace,
      int warmUpFrom,
      int scoreFrom,
      int to,
      ScalingPolicy policy,
      double initialUtilization) {
    int stepsPerMinute = 60 / stepSeconds;
    PodPool pods = new PodPool(workload.startupDelay());
    double demand = trace.demand(warmUpFrom);
    pods.startReady(workload.replicasFor(demand, initialUtilization), trace.instant(warmUpFrom));
    int recorded = (to - scoreFrom) * stepsPerMinute;
    int[] ready = new int[recorded];
    int[] total = new int[recorded];
    int actions = 0;
    for (int minute = warmUpFrom; minute < to; minute++) {
      if (trace.observed(minute)) {
        demand = trace.demand(minute);
      }
      Instant minuteStart = trace.instant(minute);
      for (int k = 0; k < stepsPerMinute; k++) {
        Instant now = minuteStart.plusSeconds((long) k * stepSeconds);
        int readyNow = pods.ready(now);
        ClusterSnapshot snapshot =
            new ClusterSnapshot(
                now,
                pods.size(),
                readyNow,
                pods.size() - readyNow,
                demand,
                workload.capacityPerReplica(),
                pods::ready);
        int replicas = policy.reconcile(snapshot);
        boolean scoring = minute >= scoreFrom;
        if (replicas != pods.size()) {
          pods.scaleTo(replicas, now);
          if (scoring) {
            actions++;
          }
        }
        if (scoring) {
          int i = (minute - scoreFrom) * stepsPerMinute + k;
          ready[i] = pods.ready(now);
          total[i] = pods.size();
        }
      }
    }
    return new SimulationResult(
        policy.name(), trace, scoreFrom, to, stepsPerMinute, ready, total, actions);
  }
}
