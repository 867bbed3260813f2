package io.scalableapp.engine.floor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlidingQuantileTest {

  @Test
  void keepsOnlyTheLastValuesAndSkipsNaN() {
    SlidingQuantile q = new SlidingQuantile(4);
    assertThat(q.quantile(0.5)).isNaN();
    for (double v : new double[] {5, 1, 9, Double.NaN}) {
      q.add(v);
    }
    assertThat(q.size()).isEqualTo(3);
    assertThat(q.quantile(1.0)).isEqualTo(9);
    assertThat(q.quantile(0.01)).isEqualTo(1);
    q.add(2); // 5 leaves
    q.add(3); // 1 leaves
    assertThat(q.size()).isEqualTo(3);
    assertThat(q.quantile(0.01)).isEqualTo(2);
    assertThat(q.quantile(0.5)).isEqualTo(3);
    q.add(4); // 9 leaves
    assertThat(q.quantile(1.0)).isEqualTo(4);
  }
}
