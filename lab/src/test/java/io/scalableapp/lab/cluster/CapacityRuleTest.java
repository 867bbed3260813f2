package io.scalableapp.lab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.trace.TrainTestSplit;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CapacityRuleTest {

  @Test
  void capacityRuleSizesFromTheTrainingPartOnly() {
    double[] demand = new double[2000];
    Arrays.fill(demand, 0, 1400, 400);
    Arrays.fill(demand, 1400, 2000, 100_000);
    boolean[] observed = new boolean[2000];
    Arrays.fill(observed, true);
    Trace trace = new Trace("t", LocalDateTime.of(2020, 1, 1, 0, 0), demand, observed);

    double capacity = CapacityRule.capacityPerReplica(trace, TrainTestSplit.of(trace));

    assertThat(capacity).isEqualTo(10);
  }
}
