package io.scalableapp.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccuracyTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration MIN = Duration.ofMinutes(1);

  @Test
  void scoresForecastsOnlyOnceTheirActualsArrive() {
    ForecastAccuracyTracker tracker = new ForecastAccuracyTracker();
    tracker.expect(T0.plus(MIN), 110);
    tracker.expect(T0.plus(MIN.multipliedBy(2)), 90);
    tracker.expect(T0.plus(MIN.multipliedBy(5)), 500); // its actual has not arrived yet

    tracker.reconcile(Series.of(T0, MIN, 100, 100, 100));

    assertThat(tracker.samples()).isEqualTo(2);
    assertThat(tracker.error()).isCloseTo(0.10, within(1e-12)); // (10 + 10) / (100 + 100)
  }

  @Test
  void missingActualsAreNotScoredAndWindowAgesOut() {
    ForecastAccuracyTracker tracker = new ForecastAccuracyTracker();
    tracker.expect(T0, 50);
    tracker.expect(T0.plus(MIN), 70);
    tracker.reconcile(Series.of(T0, MIN, 100, Double.NaN));

    assertThat(tracker.samples()).isEqualTo(1);
    assertThat(tracker.error()).isCloseTo(0.5, within(1e-12));

    tracker.trim(T0.plus(Duration.ofHours(1)), Duration.ofMinutes(30));
    assertThat(tracker.samples()).isZero();
    assertThat(tracker.error()).isNaN();
  }

  @Test
  void repeatedForecastForTheSameTargetCountsOnce() {
    ForecastAccuracyTracker tracker = new ForecastAccuracyTracker();
    tracker.expect(T0, 50);
    tracker.expect(T0, 100);

    tracker.reconcile(Series.of(T0, MIN, 100));

    assertThat(tracker.samples()).isEqualTo(1);
  }

  @Test
  void gateClosesAboveThresholdAndReopensOnlyWellBelowIt() {
    AccuracyGate gate = new AccuracyGate();

    assertThat(gate.update(0.9, 3, 0.5, 10)).as("too few samples to judge").isTrue();
    assertThat(gate.update(0.6, 10, 0.5, 10)).isFalse();
    assertThat(gate.update(0.45, 10, 0.5, 10))
        .as("below threshold but inside hysteresis")
        .isFalse();
    assertThat(gate.update(0.39, 10, 0.5, 10)).isTrue();
    assertThat(gate.update(0.45, 10, 0.5, 10)).isTrue();
  }

  @Test
  void readyLatencyUsesFallbackUntilEnoughSamplesThenP95() {
    ReadyLatencyEstimator estimator = new ReadyLatencyEstimator(20, Duration.ofSeconds(90));
    estimator.record(Duration.ofSeconds(10));
    assertThat(estimator.p95()).isEqualTo(Duration.ofSeconds(90));

    for (int i = 1; i <= 19; i++) {
      estimator.record(Duration.ofSeconds(i));
    }
    estimator.record(Duration.ofSeconds(300)); // evicts the first sample (capacity 20)

    // 20 samples 1..19 s and 300 s: nearest-rank p95 is the 19th = 19 s; the outlier is beyond it.
    assertThat(estimator.p95()).isEqualTo(Duration.ofSeconds(19));
    estimator.record(Duration.ofSeconds(-5));
    assertThat(estimator.samples()).isEqualTo(20);
  }
}
