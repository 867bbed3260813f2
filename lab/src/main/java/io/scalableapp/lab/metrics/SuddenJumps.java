package io.scalableapp.lab.metrics;

import io.scalableapp.engine.replay.cluster.WorkloadModel;
import io.scalableapp.engine.replay.sim.SimulationResult;
import io.scalableapp.engine.replay.trace.Trace;

/**
 * Diagnostic: how much of a run's under-provisioning falls in minutes whose demand jumped by more
 * than {@code jumpRatio} over the minute before. Capacity sized on the previous minutes at the
 * HPA's target utilisation (ratio 1/0.7) cannot absorb such a jump, and a forecast made from
 * completed minutes rarely sees it coming.
 */
public final class SuddenJumps {

  private SuddenJumps() {}

  public static double underProvisionedMinutesAfterJump(
      SimulationResult run, WorkloadModel workload, double jumpRatio) {
    Trace trace = run.trace();
    double tickMinutes = 1.0 / run.stepsPerMinute();
    double minutes = 0;
    for (int i = 0; i < run.ticks(); i++) {
      int m = run.minuteOf(i);
      if (m == 0 || !trace.observed(m) || !trace.observed(m - 1)) {
        continue;
      }
      double demand = trace.demand(m);
      if (workload.unserved(demand, run.readyPods()[i]) > 0
          && demand > jumpRatio * trace.demand(m - 1)) {
        minutes += tickMinutes;
      }
    }
    return minutes;
  }
}
