package io.scalableapp.engine.decision;

import static io.scalableapp.engine.testing.SyntheticSeries.MINUTE;
import static io.scalableapp.engine.testing.SyntheticSeries.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.testing.SyntheticSeries;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurgeHoldTest {

  private final SurgeHold hold = new SurgeHold(1.5, Duration.ofMinutes(30));

  /** Flat 100 per minute with 300 at minute 100; point i is stamped at T0 + i min. */
  private static final Series SPIKE = SyntheticSeries.of(200, i -> i == 100 ? 300 : 100);

  private static Instant at(int minute) {
    return T0.plus(MINUTE.multipliedBy(minute));
  }

  @Test
  void aCalmSeriesHoldsNothing() {
    assertThat(hold.at(SyntheticSeries.flat(200, 100), 10, at(150))).isEmpty();
  }

  @Test
  void aJumpHoldsTheRecentPeakForHoldForThenLetsGo() {
    assertThat(hold.at(SPIKE, 100, at(99))).as("before the jump").isEmpty();

    SurgeHold.Hold h = hold.at(SPIKE, 100, at(100)).orElseThrow();
    assertThat(h.replicas()).isEqualTo(3);
    assertThat(h.peak()).isEqualTo(300);
    assertThat(h.ratio()).isEqualTo(3.0);
    assertThat(h.jumpAt()).isEqualTo(at(100));
    assertThat(h.until()).isEqualTo(at(130));

    assertThat(hold.at(SPIKE, 100, at(129)).orElseThrow().replicas()).isEqualTo(3);
    assertThat(hold.at(SPIKE, 100, at(130))).as("30 min after the jump").isEmpty();
  }

  @Test
  void aPointStampedAfterNowIsNotReadYet() {
    assertThat(hold.at(SPIKE, 100, at(100).minusSeconds(1))).isEmpty();
  }

  @Test
  void aLaterJumpExtendsTheHoldAndItsPeakIsTheHighestOfHoldFor() {
    Series twoJumps = SyntheticSeries.of(200, i -> i == 100 ? 500 : i == 120 ? 400 : 100);

    SurgeHold.Hold h = hold.at(twoJumps, 100, at(125)).orElseThrow();

    assertThat(h.replicas()).isEqualTo(5);
    assertThat(h.jumpAt()).isEqualTo(at(120));
    assertThat(hold.at(twoJumps, 100, at(140)).orElseThrow().replicas())
        .as("the 500 left the window; 400 still in it")
        .isEqualTo(4);
    assertThat(hold.at(twoJumps, 100, at(150))).isEmpty();
  }

  @Test
  void missingPointsAreNeitherJumpsNorZeroLevels() {
    double[] values = SyntheticSeries.flat(200, 100).toArray();
    for (int i = 90; i < 100; i++) {
      values[i] = Double.NaN; // an outage before minute 100
    }
    values[100] = 140; // 1.4 x the level before the outage: no jump
    values[101] = Double.NaN;
    Series gappy = Series.of(T0, MINUTE, values);

    assertThat(hold.at(gappy, 100, at(110))).isEmpty();
  }

  @Test
  void describesItsReplicasTimeLeftAndJump() {
    SurgeHold.Hold h = hold.at(SPIKE, 100, at(100)).orElseThrow();

    assertThat(h.describe(hold.holdFor(), at(112)))
        .isEqualTo(
            "surge hold: 3 replicas for the peak 300.0 of the last 30m, 18 more min after a 3.00x jump at 01:40 UTC");
  }

  @Test
  void refusesRatiosThatAreNotJumpsAndEmptyHolds() {
    assertThatThrownBy(() -> new SurgeHold(1.0, Duration.ofMinutes(30)))
        .hasMessageContaining("above 1");
    assertThatThrownBy(() -> new SurgeHold(Double.NaN, Duration.ofMinutes(30)))
        .hasMessageContaining("above 1");
    assertThatThrownBy(() -> new SurgeHold(1.5, Duration.ZERO)).hasMessageContaining("positive");
  }
}
