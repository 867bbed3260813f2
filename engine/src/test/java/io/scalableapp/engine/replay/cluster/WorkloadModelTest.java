package io.scalableapp.engine.replay.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}
