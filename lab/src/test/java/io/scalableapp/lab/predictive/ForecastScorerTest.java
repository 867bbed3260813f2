package io.scalableapp.lab.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.replay.trace.Trace;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ForecastScorerTest {

  /** Minutes 0-2 train (naive one-step MAE 10), minutes 3-6 are scored. */
  private static final double[] DEMAND = {10, 20, 30, 40, 50, 60, 30};

  private static Trace trace(boolean... observed) {
    return new Trace("t", LocalDateTime.of(2020, 1, 1, 0, 0), DEMAND, observed);
  }

  private static boolean[] allObserved() {
    boolean[] o = new boolean[DEMAND.length];
    Arrays.fill(o, true);
    return o;
  }

  private static ForecastScorer scorerWithThreeEvaluations(Trace trace) {
    ForecastScorer scorer = new ForecastScorer(trace, 3, 7, 2);
    scorer.record(3, 36, 55);
    scorer.record(4, 50, 66);
    scorer.record(5, 54, 54);
    scorer.record(6, 99, 99); // its horizon runs past the scored range: ignored
    return scorer;
  }

  @Test
  void scoresOneStepForecastsAgainstTheNextMinute() {
    ForecastScorer.Score s = scorerWithThreeEvaluations(trace(allObserved())).score(0, 3);

    // 36|40, 50|50, 54|60: APE 10 %, 0 %, 10 %; MAE 10/3 over the in-sample naive MAE of 10
    assertThat(s.mapeOneStep()).isCloseTo(20.0 / 3, within(1e-9));
    assertThat(s.maseOneStep()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(s.scoredMinutes()).isEqualTo(3);
  }

  @Test
  void scoresForecastPeaksAgainstTheActualPeakOverTheHorizon() {
    ForecastScorer.Score s = scorerWithThreeEvaluations(trace(allObserved())).score(0, 3);

    // actual peaks over two minutes: max(40,50)=50, max(50,60)=60, max(60,30)=60
    // forecast peaks 55, 66, 54: APE 10 %, 10 %, 10 %; MAE (5+6+6)/3
    assertThat(s.horizonMinutes()).isEqualTo(2);
    assertThat(s.mapeHorizon()).isCloseTo(10.0, within(1e-9));
    assertThat(s.maseHorizon()).isCloseTo(17.0 / 30, within(1e-9));
  }

  @Test
  void skipsMaskedMinutes() {
    boolean[] observed = allObserved();
    observed[5] = false;

    ForecastScorer.Score s = scorerWithThreeEvaluations(trace(observed)).score(0, 3);

    // one step: minute 5 is gone; horizon: both windows touching minute 5 are unknown
    assertThat(s.mapeOneStep()).isCloseTo(5.0, within(1e-9));
    assertThat(s.mapeHorizon()).isCloseTo(10.0, within(1e-9));
    assertThat(s.scoredMinutes()).isEqualTo(2);
  }
}
