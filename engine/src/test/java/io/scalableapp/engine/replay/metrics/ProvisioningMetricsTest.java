package io.scalableapp.engine.replay.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.replay.cluster.WorkloadModel;
import io.scalableapp.engine.replay.sim.SimulationResult;
import io.scalableapp.engine.replay.trace.Trace;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ProvisioningMetricsTest {

  private final WorkloadModel workload = new WorkloadModel(10, Duration.ofSeconds(60));

  @Test
  void countsTicksWithDemandAboveReadyCapacityAsFractionsOfAMinute() {
    Trace trace = trace(new double[] {25, 40}, new boolean[] {true, true});
    // two ticks per minute: minute 0 has 3 then 2 ready pods (30, 20 capacity), minute 1 has 4 (40)
    SimulationResult run =
        new SimulationResult(
            "p", trace, 0, 2, 2, new int[] {3, 2, 4, 4}, new int[] {3, 3, 5, 5}, 2);

    ProvisioningMetrics m = ProvisioningMetrics.of(run, workload);

    assertThat(m.underProvisionedMinutes()).isCloseTo(0.5, within(1e-9));
    // unserved 5 req/min for half a minute, out of 25/2 + 25/2 + 40/2 + 40/2 = 65 offered
    assertThat(m.unservedPercent()).isCloseTo(100.0 * 2.5 / 65, within(1e-9));
    // 16 pod-ticks of half a minute = 8 pod-minutes
    assertThat(m.replicaHours()).isCloseTo(8.0 / 60, within(1e-9));
    assertThat(m.scalingActions()).isEqualTo(2);
  }

  @Test
  void maskedMinutesAreNotScoredButStillCost() {
    Trace trace = trace(new double[] {100, 5}, new boolean[] {false, true});
    SimulationResult run =
        new SimulationResult("p", trace, 0, 2, 1, new int[] {1, 1}, new int[] {1, 1}, 0);

    ProvisioningMetrics m = ProvisioningMetrics.of(run, workload);

    assertThat(m.underProvisionedMinutes()).isZero();
    assertThat(m.unservedPercent()).isZero();
    assertThat(m.replicaHours()).isCloseTo(2.0 / 60, within(1e-9));
  }

  private static Trace trace(double[] demand, boolean[] observed) {
    return new Trace("t", LocalDateTime.of(2020, 1, 1, 0, 0), demand, observed);
  }
}
