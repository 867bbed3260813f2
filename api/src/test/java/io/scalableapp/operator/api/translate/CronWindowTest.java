package io.scalableapp.operator.api.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronWindowTest {

  @Test
  void aWindowRunsFromItsStartForItsLengthInItsTimeZone() {
    // 08:00 in Paris on 27 November is 07:00 UTC (CET, UTC+1).
    var sale = new CronWindow("0 8 27 11 *", "Europe/Paris", Duration.ofHours(14));

    assertThat(sale.activeUntil(Instant.parse("2026-11-27T06:59:59Z"))).isEmpty();
    assertThat(sale.activeUntil(Instant.parse("2026-11-27T07:00:00Z")))
        .contains(Instant.parse("2026-11-27T21:00:00Z"));
    assertThat(sale.activeUntil(Instant.parse("2026-11-27T20:59:59Z")))
        .contains(Instant.parse("2026-11-27T21:00:00Z"));
    assertThat(sale.activeUntil(Instant.parse("2026-11-27T21:00:00Z"))).isEmpty();
  }

  @Test
  void aNightlyWindowCrossesMidnight() {
    var nights = new CronWindow("0 22 * * *", "UTC", Duration.ofHours(8));

    assertThat(nights.activeUntil(Instant.parse("2026-11-28T03:00:00Z")))
        .contains(Instant.parse("2026-11-28T06:00:00Z"));
    assertThat(nights.activeUntil(Instant.parse("2026-11-28T12:00:00Z"))).isEmpty();
  }

  @Test
  void daylightSavingTimeMovesTheWindowInUtc() {
    var mornings = new CronWindow("0 9 * * MON-FRI", "America/New_York", Duration.ofHours(1));

    // EST (UTC-5) in January, EDT (UTC-4) in July.
    assertThat(mornings.activeUntil(Instant.parse("2026-01-05T14:30:00Z")))
        .contains(Instant.parse("2026-01-05T15:00:00Z"));
    assertThat(mornings.activeUntil(Instant.parse("2026-07-06T13:30:00Z")))
        .contains(Instant.parse("2026-07-06T14:00:00Z"));
    // Saturday
    assertThat(mornings.activeUntil(Instant.parse("2026-07-04T13:30:00Z"))).isEmpty();
  }

  @Test
  void anEveryMinuteScheduleLongerThanAMinuteIsAlwaysInForce() {
    var always = new CronWindow("* * * * *", "UTC", Duration.ofMinutes(2));

    assertThat(always.activeUntil(Instant.parse("2026-11-28T10:00:30Z")))
        .contains(Instant.parse("2026-11-28T10:02:00Z"));
  }

  @Test
  void anUnknownTimeZoneOrBadCronSaysWhatIsWrong() {
    assertThatThrownBy(() -> new CronWindow("0 8 * * *", "Mars/Olympus", Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time zone Mars/Olympus is not an IANA time zone such as Europe/Paris");
    assertThatThrownBy(() -> new CronWindow("0 8 * *", "UTC", Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
