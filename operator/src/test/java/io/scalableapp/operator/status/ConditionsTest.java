package io.scalableapp.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T10:05:00Z");

  @Test
  void keepsTransitionTimeWhileStatusIsUnchanged() {
    List<Condition> first =
        Conditions.set(List.of(), "Ready", false, "ReplicasNotReady", "0 of 2", 1, T0);
    List<Condition> second =
        Conditions.set(first, "Ready", false, "ReplicasNotReady", "1 of 2", 1, T1);

    assertThat(second)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
              assertThat(c.getMessage()).isEqualTo("1 of 2");
            });
  }

  @Test
  void movesTransitionTimeWhenStatusFlips() {
    List<Condition> first =
        Conditions.set(List.of(), "Ready", false, "ReplicasNotReady", "0 of 2", 1, T0);
    List<Condition> second =
        Conditions.set(first, "Ready", true, "AllReplicasReady", "2 of 2", 1, T1);

    assertThat(second)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("True");
              assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T10:05:00Z");
            });
  }

  @Test
  void leavesOtherConditionsAlone() {
    List<Condition> both =
        Conditions.set(
            Conditions.set(List.of(), "Ready", true, "A", "a", 1, T0),
            "Degraded",
            false,
            "B",
            "b",
            1,
            T0);
    List<Condition> updated = Conditions.set(both, "Degraded", true, "C", "c", 2, T1);

    assertThat(updated).extracting(Condition::getType).containsExactly("Ready", "Degraded");
    assertThat(Conditions.find(updated, "Ready").orElseThrow().getObservedGeneration())
        .isEqualTo(1L);
  }
}
