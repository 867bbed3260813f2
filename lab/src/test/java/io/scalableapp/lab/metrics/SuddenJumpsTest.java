package io.scalableapp.lab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.replay.cluster.WorkloadModel;
import io.scalableapp.engine.replay.sim.SimulationResult;
import io.scalableapp.engine.replay.trace.Trace;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SuddenJumpsTest {

  @Test
  void countsOnlyShortfallsInMinutesThatJumpedPastTheRatio() {
    // minute 1 jumps 10 -> 30 (x3), minute 2 creeps 30 -> 33; both are short of the 20 req/min
    // capacity
    Trace trace =
        new Trace(
            "t",
            LocalDateTime.of(2020, 1, 1, 0, 0),
            new double[] {10, 30, 33},
            new boolean[] {true, true, true});
    SimulationResult run =
        new SimulationResult("p", trace, 0, 3, 1, new int[] {2, 2, 2}, new int[] {2, 2, 2}, 0);

    double minutes =
        SuddenJumps.underProvisionedMinutesAfterJump(
            run, new WorkloadModel(10, Duration.ZERO), 1 / 0.7);

    assertThat(minutes).isCloseTo(1.0, within(1e-9));
  }
}
