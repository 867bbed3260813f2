package io.scalableapp.lab.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.lab.trace.Trace;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ForecastScorerTest {

    private static final double[] DEMAND = {10, 20, 30, 40, 50, 60};

    private static Trace trace(boolean... observed) {
        return new Trace("t", LocalDateTime.of(2020, 1, 1, 0, 0), DEMAND, observed);
    }

    private static boolean[] allObserved() {
        boolean[] o = new boolean[DEMAND.length];
        Arrays.fill(o, true);
        return o;
    }

    private static ForecastScorer scorerWithThreeOrigins(Trace trace) {
        ForecastScorer scorer = new ForecastScorer(trace, 3, 6, 2);
        scorer.record(2, new double[] {36, 55});
        scorer.record(3, new double[] {50, 66});
        scorer.record(4, new double[] {54, 70});
        return scorer;
    }

    @Test
    void scoresEachTargetByTheForecastMadeOneStepAndOneHorizonBefore() {
        ForecastScorer.Score s = scorerWithThreeOrigins(trace(allObserved())).score(0, 3);

        // one step: 36|40, 50|50, 54|60 -> APE 10 %, 0 %, 10 %; MAE 10/3 over the naive in-sample MAE of 10
        assertThat(s.mapeOneStep()).isCloseTo(20.0 / 3, within(1e-9));
        assertThat(s.maseOneStep()).isCloseTo(1.0 / 3, within(1e-9));
        // horizon 2: 55|50 and 66|60 (nothing was forecast two minutes before minute 3)
        assertThat(s.mapeHorizon()).isCloseTo(10.0, within(1e-9));
        assertThat(s.maseHorizon()).isCloseTo(0.55, within(1e-9));
        assertThat(s.scoredMinutes()).isEqualTo(3);
    }

    @Test
    void skipsMaskedMinutes() {
        boolean[] observed = allObserved();
        observed[5] = false;

        ForecastScorer.Score s = scorerWithThreeOrigins(trace(observed)).score(0, 3);

        assertThat(s.mapeOneStep()).isCloseTo(5.0, within(1e-9));
        assertThat(s.mapeHorizon()).isCloseTo(10.0, within(1e-9));
        assertThat(s.scoredMinutes()).isEqualTo(2);
    }
}
