package io.scalableapp.engine.replay.metrics;

import io.scalableapp.engine.replay.cluster.WorkloadModel;
import io.scalableapp.engine.replay.sim.SimulationResult;
import io.scalableapp.engine.replay.trace.Trace;

/**
 * Outcome of a run over its recorded window. A tick is under-provisioned when the minute's demand
 * exceeds the ready capacity; under-provisioned minutes add up such ticks (four 15 s ticks = one
 * minute). Masked minutes are skipped, except for replica-hours, which are paid whether or not the
 * log saw the traffic.
 */
public record ProvisioningMetrics(
    double underProvisionedMinutes,
    double unservedPercent,
    double replicaHours,
    int scalingActions) {

  public static ProvisioningMetrics of(SimulationResult run, WorkloadModel workload) {
    Trace trace = run.trace();
    double tickMinutes = 1.0 / run.stepsPerMinute();
    double under = 0;
    double unserved = 0;
    double offered = 0;
    double podMinutes = 0;
    for (int i = 0; i < run.ticks(); i++) {
      podMinutes += run.totalPods()[i] * tickMinutes;
      int minute = run.minuteOf(i);
      if (!trace.observed(minute)) {
        continue;
      }
      double demand = trace.demand(minute);
      double missing = workload.unserved(demand, run.readyPods()[i]);
      if (missing > 0) {
        under += tickMinutes;
        unserved += missing * tickMinutes;
      }
      offered += demand * tickMinutes;
    }
    double unservedPercent = offered == 0 ? 0 : 100.0 * unserved / offered;
    return new ProvisioningMetrics(under, unservedPercent, podMinutes / 60.0, run.scalingActions());
  }
}
