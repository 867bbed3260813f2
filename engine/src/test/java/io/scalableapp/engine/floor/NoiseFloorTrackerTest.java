package io.scalableapp.engine.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoiseFloorTrackerTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration LEAD = Duration.ofMinutes(2);

  /** Demand 100 except 120 every fifth minute; point i is stamped at T0 + i min. */
  private static Series demand(int minutes) {
    double[] v = new double[minutes];
    for (int i = 0; i < minutes; i++) {
      v[i] = i % 5 == 0 ? 120 : 100;
    }
    return Series.of(T0, MINUTE, v);
  }

  @Test
  void learnsTheMarginFromScoredSpansOnTheClock() {
    ManualClock clock = new ManualClock(T0);
    NoiseFloorTracker tracker =
        new NoiseFloorTracker(
            NoiseFloorRule.sqrtNoise(FloorFamily.RECENT_LEVEL, 0.9, Duration.ZERO),
            clock,
            Duration.ofHours(1));
    Series all = demand(200);
    for (int m = 1; m <= 100; m++) {
      clock.set(T0.plus(MINUTE.multipliedBy(m)));
      Series known = all.slice(0, m + 1);
      tracker.reconcile(known);
      tracker.expect(LEAD, 100);
      if (m < 2 + NoiseFloorRule.MIN_SAMPLES) {
        assertThat(tracker.cover(100)).as("minute %d", m).isEmpty();
      }
    }
    // Every span of 2 minutes after a minute m holds one 120 in two of five cases: p90 of errors is
    // 20 / 10.
    assertThat(tracker.cover(100).orElseThrow()).isCloseTo(120, within(1e-9));
    assertThat(tracker.cover(10_000).orElseThrow())
        .as("at 100 x the level, 10 x the margin")
        .isCloseTo(10_000 + 2 * 100, within(1e-9));
    assertThat(tracker.samples()).as("spans ending within the last hour").isEqualTo(60);

    clock.advance(Duration.ofMinutes(90));
    assertThat(tracker.cover(100))
        .as("errors older than the residual window are forgotten")
        .isEmpty();
  }

  @Test
  void aSpanWithAGapIsNeverScored() {
    ManualClock clock = new ManualClock(T0.plus(MINUTE.multipliedBy(10)));
    NoiseFloorTracker tracker =
        new NoiseFloorTracker(
            NoiseFloorRule.proportional(0.5, Duration.ZERO), clock, Duration.ofHours(1));
    tracker.expect(LEAD, 100);
    double[] v = new double[13];
    java.util.Arrays.fill(v, 100);
    v[11] = Double.NaN;
    tracker.reconcile(Series.of(T0, MINUTE, v));
    assertThat(tracker.samples()).isZero();
  }

  @Test
  void theRecentLevelIsTheMeanOfTheLevelWindowUpToNow() {
    int window = (int) NoiseFloorRule.LEVEL_WINDOW.toMinutes();
    // Point i holds i + 1; the last is missing.
    double[] v = new double[window + 3];
    for (int i = 0; i < v.length; i++) {
      v[i] = i + 1;
    }
    v[window + 2] = Double.NaN;
    Series s = Series.of(T0, MINUTE, v);
    assertThat(NoiseFloorTracker.recentLevel(s, T0.plus(MINUTE.multipliedBy(window + 2))))
        .as("points 3..window + 2: values 4..window + 2, the NaN skipped, point 2 outside")
        .isCloseTo((4 + window + 2) / 2.0, within(1e-9));
    assertThat(NoiseFloorTracker.recentLevel(s, T0.plus(MINUTE.multipliedBy(3L * window))))
        .as("no point within the window")
        .isNaN();
  }

  @Test
  void followingTheHistoryLearnsAtOnceAndAFetchSeenTwiceAddsNothing() {
    ManualClock clock = new ManualClock(T0.plus(MINUTE.multipliedBy(100)));
    NoiseFloorTracker tracker =
        new NoiseFloorTracker(
            NoiseFloorRule.sqrtNoise(FloorFamily.RECENT_LEVEL, 0.9, Duration.ZERO),
            clock,
            Duration.ofHours(1));
    Series known = demand(101);

    tracker.follow(known, LEAD);
    double level = NoiseFloorTracker.recentLevel(known, clock.instant());
    // Any 45 minutes hold nine 120s: level 104; a 2-minute span holds a 120 two times in five,
    // so p90 is +16.
    assertThat(level).isCloseTo(104, within(1e-9));
    assertThat(tracker.cover(level).orElseThrow())
        .as("learned from the history, no wait")
        .isCloseTo(120, within(1e-9));
    int learned = tracker.samples();
    assertThat(learned)
        .as("spans within the last hour that the history holds entirely")
        .isBetween(57, 61);

    clock.advance(Duration.ofSeconds(10));
    tracker.follow(known, LEAD);
    tracker.cover(level);
    assertThat(tracker.samples()).as("the same fetch again: no new anchor").isEqualTo(learned);

    assertThatThrownBy(
            () ->
                new NoiseFloorTracker(
                        NoiseFloorRule.proportional(0.9, Duration.ZERO), clock, Duration.ofHours(1))
                    .follow(known, LEAD))
        .hasMessageContaining("only a recent-level rule");
  }
}
