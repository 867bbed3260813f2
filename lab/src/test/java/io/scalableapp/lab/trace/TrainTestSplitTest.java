package io.scalableapp.lab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.replay.trace.Trace;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TrainTestSplitTest {

  @Test
  void keepsTheFirstSeventyPercentForTraining() {
    Trace trace =
        new Trace("t", LocalDateTime.of(2020, 1, 1, 0, 0), new double[10], new boolean[10]);

    TrainTestSplit split = TrainTestSplit.of(trace);

    assertThat(split.testStart()).isEqualTo(7);
    assertThat(split.testLength()).isEqualTo(3);
  }
}
