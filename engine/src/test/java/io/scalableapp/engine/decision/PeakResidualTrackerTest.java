package io.scalableapp.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeakResidualTrackerTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static Instant at(int minute) {
    return T0.plus(MINUTE.multipliedBy(minute));
  }

  @Test
  void scoresTheActualPeakOverTheHorizonAgainstTheForecastPeak() {
    PeakResidualTracker t = new PeakResidualTracker();
    t.expect(at(0), at(3), 100); // horizon (0, 3]: actuals 90, 150, 120 -> peak 150 -> +0.5

    t.reconcile(
        Series.of(T0, MINUTE, 500, 90, 150, 120, 999)); // minute 0 and 4 lie outside the horizon

    assertThat(t.samples()).isEqualTo(1);
    assertThat(t.quantile(0.9)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void waitsUntilTheWholeHorizonHasActuals() {
    PeakResidualTracker t = new PeakResidualTracker();
    t.expect(at(0), at(3), 100);

    t.reconcile(Series.of(T0, MINUTE, 100, 100, 100)); // ends at minute 2
    assertThat(t.samples()).isZero();
    assertThat(t.quantile(0.5)).isNaN();

    t.reconcile(Series.of(T0, MINUTE, 100, 100, 100, 80));
    assertThat(t.samples()).isEqualTo(1);
    assertThat(t.quantile(0.5)).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void quantileIsTheNearestRankOfTheScoredResiduals() {
    PeakResidualTracker t = new PeakResidualTracker();
    double[] actual = new double[12];
    for (int i = 1; i <= 10; i++) {
      t.expect(at(i - 1), at(i), 100); // one-minute horizons
      actual[i] = 100 + 10 * i; // residuals +0.1 .. +1.0
    }
    t.reconcile(Series.of(T0, MINUTE, actual));

    assertThat(t.samples()).isEqualTo(10);
    assertThat(t.quantile(0.9)).isCloseTo(0.9, within(1e-12));
    assertThat(t.quantile(0.5)).isCloseTo(0.5, within(1e-12));
    assertThat(t.quantile(0.0)).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void overForecastsGiveNegativeResidualsAndMissingActualsAreSkipped() {
    PeakResidualTracker t = new PeakResidualTracker();
    t.expect(at(0), at(1), 200);
    t.expect(at(1), at(2), 100); // its only actual is missing: dropped, not scored as zero
    t.expect(at(2), at(3), 0); // a zero forecast has no relative error: ignored

    t.reconcile(Series.of(T0, MINUTE, 0, 100, Double.NaN, 50));

    assertThat(t.samples()).isEqualTo(1);
    assertThat(t.quantile(0.9)).isCloseTo(-0.5, within(1e-12));
  }

  @Test
  void oneForecastPerHorizonEndAndOldResidualsAgeOut() {
    PeakResidualTracker t = new PeakResidualTracker();
    t.expect(at(0), at(2), 100);
    t.expect(at(0), at(2), 50); // re-evaluated within the same step: ignored
    t.expect(at(1), at(3), 100);
    t.reconcile(Series.of(T0, MINUTE, 0, 100, 200, 100));
    assertThat(t.samples()).isEqualTo(2);
    assertThat(t.quantile(0.0)).isCloseTo(1.0, within(1e-12)); // both horizons peak at 200 over 100

    t.trim(
        at(62),
        Duration.ofHours(1)); // horizon ending at minute 2 is out, the one ending at 3 stays
    assertThat(t.samples()).isEqualTo(1);
    t.trim(at(63), Duration.ofHours(1));
    assertThat(t.samples()).isZero();
  }
}
