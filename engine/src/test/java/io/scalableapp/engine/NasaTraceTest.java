package io.scalableapp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.forecast.ForecastErrors;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.forecast.HoltWintersForecaster;
import io.scalableapp.engine.forecast.SeasonalNaiveForecaster;
import io.scalableapp.engine.forecast.SeasonalityDetector;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.testing.NasaTrace;
import io.scalableapp.engine.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Real traffic: NASA KSC web server, August 1995, requests per minute (excerpt in test resources).
 * Test period 1995-08-11 00:00 .. 08-14 23:59 (Fri..Mon, a weekend included); every forecast is
 * fitted on the 7 days before its origin, origins every 5 minutes (1152 origins). The bounds are
 * the measured figures plus a small margin; the comparisons with the naive baselines are the point.
 */
class NasaTraceTest {

  private static final Series NASA = NasaTrace.load();
  private static final int WEEK = 7 * 1440;
  private static final int TEST_FROM = NasaTrace.minuteIndex(NasaTrace.at("1995-08-11 00:00:00"));
  private static final int STRIDE = 5;
  private static final Optional<Duration> DAILY = Optional.of(Duration.ofDays(1));

  /** WAPE of the forecast made {@code lead} minutes ahead from each origin. */
  private static double wapeAtLead(Forecaster forecaster, int lead) {
    List<Double> actual = new ArrayList<>();
    List<Double> predicted = new ArrayList<>();
    for (int origin = TEST_FROM; origin + lead <= NASA.size(); origin += STRIDE) {
      actual.add(NASA.get(origin + lead - 1));
      predicted.add(forecaster.forecast(NASA.slice(origin - WEEK, origin), lead).get(lead - 1));
    }
    return ForecastErrors.wape(
        actual.stream().mapToDouble(d -> d).toArray(),
        predicted.stream().mapToDouble(d -> d).toArray());
  }

  @Test
  void detectsTheDailyCycle() {
    assertThat(SeasonalityDetector.detect(NASA.slice(TEST_FROM - WEEK, TEST_FROM)))
        .contains(Duration.ofDays(1));
  }

  @Test
  void holtWintersBeatsNaiveBaselinesOneStepAhead() {
    double hw = wapeAtLead(new HoltWintersForecaster(DAILY), 1);
    double lastValue = wapeAtLead(new SeasonalNaiveForecaster(Optional.empty()), 1);
    double sameMinuteYesterday = wapeAtLead(new SeasonalNaiveForecaster(DAILY), 1);

    // Measured: HW 0.306, last value 0.330, same minute yesterday 0.563.
    assertThat(hw).isLessThan(0.32);
    assertThat(hw).isLessThan(0.95 * lastValue);
    assertThat(hw).isLessThan(0.6 * sameMinuteYesterday);
  }

  @Test
  void holtWintersBeatsNaiveBaselinesFiveMinutesAhead() {
    double hw = wapeAtLead(new HoltWintersForecaster(DAILY), 5);
    double lastValue = wapeAtLead(new SeasonalNaiveForecaster(Optional.empty()), 5);

    // Measured: HW 0.324, last value 0.404. Five minutes is a typical pod-ready horizon.
    assertThat(hw).isLessThan(0.34);
    assertThat(hw).isLessThan(0.85 * lastValue);
  }

  /**
   * Floor-alone coverage, floor capacity / demand and fallbacks over one replayed day (1995-08-11).
   */
  private record Replay(double coveredShare, double capacityRatio, int fallbacks) {}

  private static Replay replayOneDay(AppScalingSpec.Builder builder) {
    // One pod serves 10 requests/minute, so the floor ranges over ~1..30 on this trace.
    double target = 10;
    AppScalingSpec spec =
        builder
            .targetPerReplica(target)
            .replicas(1, 100)
            .horizon(Duration.ofMinutes(5))
            .model(ForecastModel.HOLT_WINTERS)
            .build();
    ManualClock clock = new ManualClock(NASA.timeAt(TEST_FROM));
    PredictiveScaler scaler = new PredictiveScaler(clock);
    ScalerState state = new ScalerState();
    InMemoryDemandSource source = new InMemoryDemandSource(NASA);

    int covered = 0;
    int fallbacks = 0;
    double capacity = 0;
    double demand = 0;
    for (int minute = TEST_FROM; minute < TEST_FROM + 1440; minute++) {
      clock.set(NASA.timeAt(minute));
      Recommendation r = scaler.evaluate(spec, source, state);
      assertThat(r.metricsAvailable()).isTrue();
      assertThat(r.decision().reason()).isNotEqualTo(Reason.HOLD);
      fallbacks += r.decision().reason() == Reason.FALLBACK ? 1 : 0;
      double next = NASA.get(minute + 1); // the floor decided now serves the next minute
      covered += r.floor() * target >= next ? 1 : 0;
      capacity += r.floor() * target;
      demand += next;
    }
    return new Replay(covered / 1440.0, capacity / demand, fallbacks);
  }

  @Test
  void replayedThroughTheScalerTheFloorCoversMostMinutesWithoutWaste() {
    Replay r = replayOneDay(AppScalingSpec.builder().marginQuantile(0)); // fixed 10 % headroom

    // Measured on 1995-08-11: floor alone covers 79.5% of minutes (the HPA handles the rest),
    // at 1.3x mean demand; the accuracy gate trips in 39 quiet night minutes. For comparison the
    // same replay with LINEAR covers 63.6%, with SEASONAL_NAIVE 57.9%.
    assertThat(r.coveredShare()).isGreaterThan(0.77);
    assertThat(r.capacityRatio()).isLessThan(1.6);
    assertThat(r.fallbacks()).isLessThan(1440 / 20);
  }

  @Test
  void theLearnedMarginCoversMoreMinutesOnThisNoisyTraceThanTheFixedHeadroom() {
    Replay fixed = replayOneDay(AppScalingSpec.builder().marginQuantile(0));
    Replay learned = replayOneDay(AppScalingSpec.builder()); // default: p90 of horizon-peak errors

    // Measured: 96.1 % of minutes covered by the floor alone at 1.96x mean demand (fixed: 79.5 % at
    // 1.29x).
    // targetPerReplica is full capacity here (targetUtilization 1), so the p90 margin is all extra.
    assertThat(learned.coveredShare()).isGreaterThan(0.93).isGreaterThan(fixed.coveredShare());
    assertThat(learned.capacityRatio()).isLessThan(2.1);
    assertThat(learned.fallbacks()).isLessThan(1440 / 20); // the margin does not touch the gate
  }

  @Test
  void hurricaneOutageHoldsTheFloor() {
    AppScalingSpec spec =
        AppScalingSpec.builder()
            .targetPerReplica(10)
            .replicas(1, 100)
            .horizon(Duration.ofMinutes(5))
            .model(ForecastModel.HOLT_WINTERS)
            .lookback(Duration.ofHours(12))
            .build();
    ManualClock clock = new ManualClock(NasaTrace.OUTAGE_FROM.minus(Duration.ofMinutes(1)));
    PredictiveScaler scaler = new PredictiveScaler(clock);
    ScalerState state = new ScalerState();
    InMemoryDemandSource source = new InMemoryDemandSource(NASA);
    Recommendation before = scaler.evaluate(spec, source, state);

    // The masked outage reaches the source as NaN: no fresh data, so hold rather than scale down.
    clock.advance(Duration.ofMinutes(5));
    Recommendation during = scaler.evaluate(spec, source, state);

    assertThat(before.metricsAvailable()).isTrue();
    assertThat(during.metricsAvailable()).isFalse();
    assertThat(during.decision().reason()).isEqualTo(Reason.HOLD);
    assertThat(during.floor()).isEqualTo(before.floor()).isGreaterThan(1);
  }
}
