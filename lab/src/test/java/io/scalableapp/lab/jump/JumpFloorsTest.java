package io.scalableapp.lab.jump;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.decision.SurgeHold;
import io.scalableapp.engine.replay.trace.Trace;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JumpFloorsTest {

  private static Trace trace(double[] demand) {
    boolean[] observed = new boolean[demand.length];
    Arrays.fill(observed, true);
    return new Trace("t", LocalDateTime.of(2020, 1, 1, 0, 0), demand, observed);
  }

  private static double[] constant(int minutes, double value) {
    double[] d = new double[minutes];
    Arrays.fill(d, value);
    return d;
  }

  @Test
  void aSmoothSeriesGetsAFloorAtItsLevelAndNoMore() {
    Trace flat = trace(constant(300, 100));

    int[] floors = new ShortTermQuantileFloor(0.95, 60, 1).floors(flat, 100, 110, 10, 2);

    assertThat(floors).containsOnly(10);
  }

  @Test
  void aJumpySeriesGetsSpareCapacityInProportionToItsRecentJumps() {
    double[] d = constant(300, 100);
    for (int i = 0; i < 200; i += 4) {
      d[i] = 200; // every fourth minute doubles
    }
    int[] floors = new ShortTermQuantileFloor(0.9, 60, 1).floors(trace(d), 201, 202, 10, 2);

    // half the anchors saw the next minutes double: the p90 ratio is 2, the level (minute 200) 100
    assertThat(floors[0]).isEqualTo(20);
  }

  @Test
  void theFloorOfAMinuteNeverReadsThatMinuteOrLater() {
    double[] calm = constant(300, 100);
    double[] spike = calm.clone();
    spike[150] = 10_000;
    ShortTermQuantileFloor q = new ShortTermQuantileFloor(0.99, 60, 1);
    SurgeHoldFloor hold = new SurgeHoldFloor(new SurgeHold(1.5, Duration.ofMinutes(30)), 1.0);

    assertThat(q.floors(trace(spike), 100, 151, 10, 2))
        .containsExactly(q.floors(trace(calm), 100, 151, 10, 2));
    assertThat(hold.floors(trace(spike), 100, 151, 10, 2))
        .containsExactly(hold.floors(trace(calm), 100, 151, 10, 2));
  }

  @Test
  void aDetectedJumpHoldsCapacityForTheRecentPeakThenLetsGo() {
    double[] d = constant(200, 100);
    d[100] = 300;
    SurgeHoldFloor hold = new SurgeHoldFloor(new SurgeHold(1.5, Duration.ofMinutes(30)), 1.0);

    int[] floors = hold.floors(trace(d), 95, 140, 10, 2);

    assertThat(floors[100 - 95]).as("the jump minute itself is not known yet").isEqualTo(1);
    assertThat(floors[101 - 95]).isEqualTo(30);
    assertThat(floors[130 - 95]).isEqualTo(30);
    assertThat(floors[131 - 95]).isEqualTo(1);
  }

  @Test
  void theSurgeHoldSizesAtTheHpaTargetLikeTheOperatorsFloor() {
    double[] d = constant(200, 100);
    d[100] = 280;
    SurgeHoldFloor hold = new SurgeHoldFloor(new SurgeHold(1.5, Duration.ofMinutes(30)), 0.7);

    // 280 at 10 per replica x 0.7 = 7 per replica: 40 replicas
    assertThat(hold.floors(trace(d), 101, 102, 10, 2)).containsExactly(40);
  }

  @Test
  void labelsTellTheCandidatesApart() {
    assertThat(JumpFloorTuning.CANDIDATES.stream().map(JumpFloor::label).distinct().count())
        .isEqualTo(JumpFloorTuning.CANDIDATES.size());
  }
}
