package io.scalableapp.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.operator.prediction.PredictionLeadership;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {
  @Test
  void leadershipAndResidentMemoryAreExported() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PredictionLeadership leadership = PredictionLeadership.electedByLease();
    OperatorMetrics.register(registry, leadership);

    assertThat(registry.get("scalableapp_leader").gauge().value()).isZero();
    leadership.startLeading();
    assertThat(registry.get("scalableapp_leader").gauge().value()).isEqualTo(1);
    // This JVM's own RSS: more than its 1 MiB, less than the machine.
    assertThat(registry.get("process_resident_memory_bytes").gauge().value())
        .isBetween(1024.0 * 1024, (double) Runtime.getRuntime().maxMemory() * 16);
  }
}
