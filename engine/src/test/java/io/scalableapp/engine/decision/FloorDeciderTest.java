package io.scalableapp.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.engine.Reason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FloorDeciderTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration FIVE_MIN = Duration.ofMinutes(5);

  private final TimedHistory recommendations = new TimedHistory();
  private final TimedHistory floors = new TimedHistory();

  private FloorDecider.Outcome decide(
      int desired, int previous, FloorLimits limits, int secondsAfterT0) {
    return FloorDecider.decide(
        desired, previous, limits, recommendations, floors, T0.plusSeconds(secondsAfterT0));
  }

  private static FloorLimits unlimited(int min, int max) {
    return new FloorLimits(min, max, Integer.MAX_VALUE, 1.0, Duration.ZERO);
  }

  @Test
  void desiredFloorStandsWhenNothingLimitsIt() {
    FloorDecider.Outcome o = decide(7, 3, unlimited(1, 10), 0);

    assertThat(o.floor()).isEqualTo(7);
    assertThat(o.limitedBy()).isNull();
  }

  @Test
  void clampsToBounds() {
    assertThat(decide(42, 3, unlimited(2, 10), 0))
        .extracting(FloorDecider.Outcome::floor, FloorDecider.Outcome::limitedBy)
        .containsExactly(10, Reason.BOUND);
    assertThat(decide(0, 3, unlimited(2, 10), 60))
        .extracting(FloorDecider.Outcome::floor, FloorDecider.Outcome::limitedBy)
        .containsExactly(2, Reason.BOUND);
  }

  @Test
  void scaleUpIsLimitedPerSlidingMinute() {
    FloorLimits limits = new FloorLimits(1, 100, 2, 1.0, Duration.ZERO);

    FloorDecider.Outcome first = decide(20, 4, limits, 0);
    FloorDecider.Outcome sameMinute = decide(20, first.floor(), limits, 30);
    FloorDecider.Outcome nextMinute = decide(20, sameMinute.floor(), limits, 61);

    assertThat(first.floor()).isEqualTo(6);
    assertThat(first.limitedBy()).isEqualTo(Reason.RATE_LIMIT);
    // Within the same minute the reference is still the lowest floor of that minute (4... then 6).
    assertThat(sameMinute.floor()).isEqualTo(6);
    assertThat(nextMinute.floor()).isEqualTo(8);
  }

  @Test
  void scaleDownRemovesAFractionPerMinuteButAlwaysAtLeastOne() {
    FloorLimits tenPercent = new FloorLimits(1, 100, Integer.MAX_VALUE, 0.1, Duration.ZERO);

    assertThat(decide(1, 50, tenPercent, 0).floor()).isEqualTo(45);
    assertThat(decide(1, 45, tenPercent, 30).floor())
        .as("same minute: 10% of 50 already used")
        .isEqualTo(45);
    assertThat(decide(1, 45, tenPercent, 61).floor()).isEqualTo(41); // 45 - floor(4.5)

    FloorDecider.Outcome small =
        FloorDecider.decide(1, 3, tenPercent, new TimedHistory(), new TimedHistory(), T0);
    assertThat(small.floor()).isEqualTo(2); // 10% of 3 rounds to 0, but one replica may always go
  }

  @Test
  void rateLimitNeverReversesAMove() {
    FloorLimits limits = new FloorLimits(1, 100, 1, 0.1, Duration.ZERO);
    floors.add(T0, 20); // a high floor earlier in the minute

    // Going down from 10 to 9 must not be "limited" back up to 18 by the earlier 20.
    FloorDecider.Outcome o = decide(9, 10, limits, 30);

    assertThat(o.floor()).isBetween(9, 10);
  }

  @Test
  void scaleDownWaitsForTheStabilisationWindow() {
    FloorLimits limits = new FloorLimits(1, 100, Integer.MAX_VALUE, 1.0, FIVE_MIN);

    int floor = decide(10, 1, limits, 0).floor();
    FloorDecider.Outcome held = decide(4, floor, limits, 60);
    FloorDecider.Outcome stillHeld = decide(4, held.floor(), limits, 299);
    FloorDecider.Outcome released = decide(4, stillHeld.floor(), limits, 301);

    assertThat(floor).isEqualTo(10);
    assertThat(held.floor()).isEqualTo(10);
    assertThat(held.limitedBy()).isEqualTo(Reason.STABILIZATION);
    assertThat(stillHeld.floor()).isEqualTo(10);
    assertThat(released.floor()).isEqualTo(4);
    assertThat(released.limitedBy()).isNull();
  }

  @Test
  void stabilisationGoesDownToTheHighestRecentRecommendation() {
    FloorLimits limits = new FloorLimits(1, 100, Integer.MAX_VALUE, 1.0, FIVE_MIN);
    decide(10, 1, limits, 0);
    decide(7, 10, limits, 200);

    FloorDecider.Outcome o = decide(3, 10, limits, 320); // the 10 aged out, the 7 did not

    assertThat(o.floor()).isEqualTo(7);
  }

  @Test
  void scaleUpIsImmediateDespiteStabilisation() {
    FloorLimits limits = new FloorLimits(1, 100, Integer.MAX_VALUE, 1.0, FIVE_MIN);
    decide(3, 1, limits, 0);

    assertThat(decide(9, 3, limits, 10).floor()).isEqualTo(9);
  }

  @Test
  void loweredMaxWinsOverRateLimit() {
    FloorLimits limits = new FloorLimits(1, 5, Integer.MAX_VALUE, 0.1, FIVE_MIN);

    FloorDecider.Outcome o = decide(8, 20, limits, 0);

    assertThat(o.floor()).isEqualTo(5);
    assertThat(o.limitedBy()).isEqualTo(Reason.BOUND);
  }

  @Test
  void rejectsNonsenseLimits() {
    assertThatThrownBy(() -> new FloorLimits(5, 2, 1, 0.5, FIVE_MIN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FloorLimits(1, 2, 0, 0.5, FIVE_MIN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FloorLimits(1, 2, 1, 0, FIVE_MIN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
