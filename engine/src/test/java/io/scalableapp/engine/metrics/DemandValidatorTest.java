package io.scalableapp.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemandValidatorTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration MIN = Duration.ofMinutes(1);
  private static final Instant NOW =
      T0.plus(MIN.multipliedBy(9)); // newest point of a 10-point series

  private final DemandValidator validator = new DemandValidator(Duration.ofMinutes(3), 1000);

  private DemandCheck check(double... values) {
    return validator.check(Series.of(T0, MIN, values), NOW, 10);
  }

  @Test
  void cleanDataIsAvailable() {
    DemandCheck c = check(5, 6, 7, 8, 9, 10, 11, 12, 13, 14);

    assertThat(c.available()).isTrue();
    assertThat(c.maskedPoints()).isZero();
    assertThat(c.problem()).isEmpty();
  }

  @Test
  void emptyOrMissingIsUnavailable() {
    assertThat(validator.check(null, NOW, 10).available()).isFalse();
    assertThat(validator.check(Series.empty(T0, MIN), NOW, 10).problem()).contains("no data");
  }

  @Test
  void invalidNewestValuesMakeDataUnavailable() {
    assertThat(check(5, 5, 5, 5, 5, 5, 5, 5, 5, -1).problem()).contains("negative");
    assertThat(check(5, 5, 5, 5, 5, 5, 5, 5, 5, Double.POSITIVE_INFINITY).problem())
        .contains("infinite");
    // 1000 x max(recent max 5, target 10) = 10000
    assertThat(check(5, 5, 5, 5, 5, 5, 5, 5, 5, 10_001).problem()).contains("absurd");
    assertThat(check(5, 5, 5, 5, 5, 5, 5, 5, 5, 10_000).available()).isTrue();
  }

  @Test
  void staleDataIsUnavailable() {
    DemandCheck c = check(5, 5, 5, 5, 5, 5, 5, Double.NaN, Double.NaN, Double.NaN);

    assertThat(c.available()).isFalse();
    assertThat(c.problem()).contains("no valid demand sample");
  }

  @Test
  void olderInvalidValuesAreMaskedNotFatal() {
    DemandCheck c = check(5, -3, 1e12, 5, 5, 5, 5, 5, Double.NaN, 6);

    assertThat(c.available()).isTrue();
    assertThat(c.maskedPoints()).isEqualTo(2);
    assertThat(c.series().get(1)).isNaN();
    assertThat(c.series().get(2)).isNaN();
    assertThat(c.problem()).contains("2 invalid");
  }

  @Test
  void realGrowthFollowsTheRunningMax() {
    // x100 every minute is steep but each step is within 1000 x the previous maximum.
    DemandCheck c = check(1, 100, 10_000, 1e6, 1e8, 1e8, 1e8, 1e8, 1e8, 1e8);

    assertThat(c.available()).isTrue();
    assertThat(c.maskedPoints()).isZero();
  }

  @Test
  void inMemorySourceNeverServesTheFuture() {
    InMemoryDemandSource source = new InMemoryDemandSource(Series.of(T0, MIN, 0, 1, 2, 3, 4, 5));

    Series s = source.fetch(T0.plusSeconds(30), T0.plus(MIN.multipliedBy(3)), MIN);
    Series coarse = source.fetch(T0, T0.plus(MIN.multipliedBy(5)), MIN.multipliedBy(2));

    assertThat(s.toArray()).containsExactly(1, 2, 3);
    assertThat(s.start()).isEqualTo(T0.plus(MIN));
    assertThat(coarse.toArray()).containsExactly(0.5, 2.5, 4.5);
  }
}
