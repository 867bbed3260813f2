package io.scalableapp.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void parsesCompoundDurations() {
    assertThat(DurationText.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationText.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void rejectsText() {
    assertThatThrownBy(() -> DurationText.parse("5 minutes"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DurationText.parse("5m!"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatsBackToTheShortestText() {
    assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(DurationText.format(Duration.ofSeconds(135))).isEqualTo("2m15s");
    assertThat(DurationText.parse(DurationText.format(Duration.ofSeconds(93784))))
        .isEqualTo(Duration.ofSeconds(93784));
  }
}
