package io.scalableapp.engine.replay.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TraceRecordingTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void aMinuteSeriesIsTheTraceItWasRecordedFrom() {
    Trace trace =
        new Trace(
            "t",
            LocalDateTime.of(2024, 1, 1, 0, 0),
            new double[] {5, 0, 7},
            new boolean[] {true, false, true});

    Trace back = TraceRecording.toTrace("t", TraceRecording.of(trace));

    assertThat(back.start()).isEqualTo(trace.start());
    assertThat(back.length()).isEqualTo(3);
    assertThat(back.demand(0)).isEqualTo(5);
    assertThat(back.observed(1)).isFalse();
    assertThat(back.demand(2)).isEqualTo(7);
  }

  @Test
  void finerStepsAverageWithinTheirMinuteAndCoarserOnesCoverEachOfTheirMinutes() {
    // 30 s points stamped at the end of what they cover: 00:00:30 and 00:01:00 make minute 0.
    Trace fine =
        TraceRecording.toTrace(
            "fine", Series.of(T0.plusSeconds(30), Duration.ofSeconds(30), 2, 4, 6, Double.NaN));
    assertThat(fine.length()).isEqualTo(2);
    assertThat(fine.demand(0)).isEqualTo(3);
    assertThat(fine.demand(1)).isEqualTo(6);

    Trace coarse =
        TraceRecording.toTrace(
            "coarse", Series.of(T0.plusSeconds(120), Duration.ofMinutes(2), 8, 10));
    assertThat(coarse.start()).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
    assertThat(coarse.length()).isEqualTo(4);
    assertThat(coarse.demand(1)).isEqualTo(8);
    assertThat(coarse.demand(2)).isEqualTo(10);
  }

  @Test
  void aStepThatNoWholeNumberMakesAMinuteIsRefused() {
    assertThatThrownBy(
            () -> TraceRecording.toTrace("odd", Series.of(T0, Duration.ofSeconds(7), 1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step must divide a minute");
  }
}
