package io.scalableapp.lab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.lab.trace.Trace;
import io.scalableapp.lab.trace.TrainTestSplit;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WorkloadModelTest {

    private final WorkloadModel workload = new WorkloadModel(10, Duration.ofSeconds(60));

    @Test
    void readyReplicasServeAFixedDemandEachAndTheRestIsUnserved() {
        assertThat(workload.capacity(3)).isEqualTo(30);
        assertThat(workload.unserved(35, 3)).isEqualTo(5);
        assertThat(workload.unserved(25, 3)).isZero();
    }

    @Test
    void replicasForDemandAtATargetUtilisationRoundUp() {
        assertThat(workload.replicasFor(70, 0.7)).isEqualTo(10);
        assertThat(workload.replicasFor(71, 0.7)).isEqualTo(11);
        assertThat(workload.replicasFor(0, 0.7)).isEqualTo(1);
    }

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
