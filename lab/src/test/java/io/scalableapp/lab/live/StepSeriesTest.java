package io.scalableapp.lab.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StepSeriesTest {

  @Test
  void holdsEachValueUntilTheNextAndIntegratesThePieces() {
    StepSeries replicas = new StepSeries();
    replicas.add(-5, 2);
    replicas.add(10, 4);
    replicas.add(30, 3);

    assertThat(replicas.at(-10)).isNaN();
    assertThat(replicas.at(0)).isEqualTo(2);
    assertThat(replicas.at(10)).isEqualTo(4);
    assertThat(replicas.at(29.9)).isEqualTo(4);
    assertThat(replicas.integral(0, 40)).as("2x10 + 4x20 + 3x10").isEqualTo(130);
    assertThat(replicas.max(0, 40)).isEqualTo(4);
    assertThat(replicas.max(31, 40)).isEqualTo(3);
  }

  @Test
  void refusesTimeGoingBackwards() {
    StepSeries s = new StepSeries();
    s.add(5, 1);
    assertThatThrownBy(() -> s.add(4, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
