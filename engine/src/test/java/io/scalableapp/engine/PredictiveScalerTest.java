package io.scalableapp.engine;

import static io.scalableapp.engine.testing.SyntheticSeries.DAY;
import static io.scalableapp.engine.testing.SyntheticSeries.MINUTE;
import static io.scalableapp.engine.testing.SyntheticSeries.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.forecast.Forecast;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.testing.SyntheticSeries;
import io.scalableapp.engine.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class PredictiveScalerTest {

  /** Evaluations start two days into the recording, so there is history to fit. */
  private final ManualClock clock = new ManualClock(T0.plus(Duration.ofDays(2)));

  private final PredictiveScaler scaler = new PredictiveScaler(clock);
  private final ScalerState state = new ScalerState();

  private static AppScalingSpec.Builder spec() {
    return AppScalingSpec.builder()
        .targetPerReplica(100)
        .replicas(1, 50)
        .headroom(0.1)
        .horizon(Duration.ofMinutes(3))
        .lookback(Duration.ofDays(2))
        .model(ForecastModel.LINEAR);
  }

  private static DemandSource recording(IntToDoubleFunction demandAtMinute) {
    return new InMemoryDemandSource(SyntheticSeries.of(4 * DAY, demandAtMinute));
  }

  private Recommendation evaluateAfter(Duration wait, AppScalingSpec spec, DemandSource source) {
    clock.advance(wait);
    return scaler.evaluate(spec, source, state);
  }

  @Test
  void floorIsForecastPeakPlusHeadroomOverTargetPerReplica() {
    Recommendation r = scaler.evaluate(spec().build(), recording(i -> 1000), state);

    assertThat(r.decision().reason()).isEqualTo(Reason.FORECAST);
    assertThat(r.floor()).isEqualTo(11); // ceil(1000 * 1.1 / 100)
    assertThat(r.decision().previous()).isEqualTo(1);
    assertThat(r.forecast().peak()).isCloseTo(1000, within(1e-6));
    assertThat(r.forecast().next()).isCloseTo(1000, within(1e-6));
    assertThat(r.forecast().model()).isEqualTo(ForecastModel.LINEAR);
    assertThat(r.metricsAvailable()).isTrue();
    assertThat(r.time()).isEqualTo(clock.instant());
    assertThat(r.forecast().horizon()).isEqualTo(Duration.ofMinutes(3));
    assertThat(r.message()).contains("headroom");
    assertThat(state.lastFloor()).hasValue(11);
  }

  @Test
  void exactMultipleNeedsNoExtraReplica() {
    Recommendation r = scaler.evaluate(spec().headroom(0).build(), recording(i -> 1000), state);

    assertThat(r.floor()).isEqualTo(10);
  }

  @Test
  void onlyEnforceIsActionable() {
    DemandSource source = recording(i -> 1000);

    assertThat(scaler.evaluate(spec().mode(ScalingMode.OFF).build(), source, state).actionable())
        .isFalse();
    assertThat(scaler.evaluate(spec().mode(ScalingMode.SHADOW).build(), source, state).actionable())
        .isFalse();
    assertThat(
            scaler.evaluate(spec().mode(ScalingMode.ENFORCE).build(), source, state).actionable())
        .isTrue();
  }

  @Test
  void clampedToMaxAndMin() {
    Recommendation high =
        scaler.evaluate(spec().replicas(2, 8).build(), recording(i -> 1000), state);
    Recommendation low =
        new PredictiveScaler(clock)
            .evaluate(spec().replicas(2, 8).build(), recording(i -> 10), new ScalerState());

    assertThat(high.floor()).isEqualTo(8);
    assertThat(high.decision().desired()).isEqualTo(11);
    assertThat(high.decision().reason()).isEqualTo(Reason.BOUND);
    assertThat(low.floor()).isEqualTo(2);
    assertThat(low.decision().reason()).isEqualTo(Reason.BOUND);
  }

  @Test
  void raisesTheFloorBeforeTheDailyPeakArrives() {
    // Morning ramp of a daily cycle: demand an hour from now is well above demand now.
    AppScalingSpec spec =
        spec()
            .model(ForecastModel.HOLT_WINTERS)
            .horizon(Duration.ofHours(1))
            .lookback(Duration.ofDays(4))
            .targetPerReplica(10)
            .replicas(1, 500)
            .build();
    clock.set(T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(6)));
    double demandNow = SyntheticSeries.dailySine(3 * DAY + 6 * 60, 500, 300);

    Recommendation r =
        scaler.evaluate(spec, recording(i -> SyntheticSeries.dailySine(i, 500, 300)), state);

    int neededNow = (int) Math.ceil(demandNow * 1.1 / 10);
    double demandInAnHour = SyntheticSeries.dailySine(3 * DAY + 7 * 60, 500, 300);
    assertThat(r.decision().reason()).isEqualTo(Reason.FORECAST);
    assertThat(r.floor()).isGreaterThan(neededNow + 5);
    assertThat(r.forecast().peak()).isCloseTo(demandInAnHour, within(demandInAnHour * 0.03));
  }

  @Test
  void scaleUpFollowsTheRateLimit() {
    AppScalingSpec spec = spec().scaleUpReplicasPerMinute(3).build();
    DemandSource source = recording(i -> 1000);
    state.restoreFloor(2, clock.instant().minus(Duration.ofHours(1)));

    List<Integer> floors = new ArrayList<>();
    List<Reason> reasons = new ArrayList<>();
    for (int minute = 0; minute < 4; minute++) {
      Recommendation r = evaluateAfter(minute == 0 ? Duration.ZERO : MINUTE, spec, source);
      floors.add(r.floor());
      reasons.add(r.decision().reason());
    }

    assertThat(floors).containsExactly(5, 8, 11, 11);
    assertThat(reasons)
        .containsExactly(Reason.RATE_LIMIT, Reason.RATE_LIMIT, Reason.FORECAST, Reason.FORECAST);
  }

  @Test
  void scaleDownWaitsForStabilisationThenFollowsTheRateLimit() {
    AppScalingSpec spec =
        spec()
            .scaleDownStabilization(Duration.ofMinutes(5))
            .scaleDownFractionPerMinute(0.2)
            .build();
    DemandSource source = recording(i -> 500); // needs 6
    state.restoreFloor(20, clock.instant());

    List<Integer> floors = new ArrayList<>();
    List<Reason> reasons = new ArrayList<>();
    for (int minute = 1; minute <= 12; minute++) {
      Recommendation r = evaluateAfter(MINUTE, spec, source);
      floors.add(r.floor());
      reasons.add(r.decision().reason());
    }

    // 4 minutes held by the restored 20, then -20% per minute (at least 1) down to 6.
    assertThat(floors).containsExactly(20, 20, 20, 20, 16, 13, 11, 9, 8, 7, 6, 6);
    assertThat(reasons.subList(0, 4)).containsOnly(Reason.STABILIZATION);
    assertThat(reasons.subList(4, 10)).containsOnly(Reason.RATE_LIMIT);
    assertThat(reasons.get(11)).isEqualTo(Reason.FORECAST);
  }

  @Test
  void metricsOutageHoldsTheFloorThenDecaysAndRecoversByItself() {
    AppScalingSpec spec =
        spec()
            .holdDuration(Duration.ofMinutes(10))
            .scaleDownStabilization(Duration.ofMinutes(2))
            .scaleDownFractionPerMinute(0.5)
            .build();
    BreakableSource source = new BreakableSource(recording(i -> 1000));
    assertThat(scaler.evaluate(spec, source, state).floor()).isEqualTo(11);

    source.broken = true;
    List<Recommendation> outage = new ArrayList<>();
    for (int minute = 1; minute <= 20; minute++) {
      outage.add(evaluateAfter(MINUTE, spec, source));
    }

    assertThat(outage.subList(0, 9))
        .allSatisfy(
            r -> {
              assertThat(r.decision().reason()).isEqualTo(Reason.HOLD);
              assertThat(r.floor()).isEqualTo(11);
              assertThat(r.metricsAvailable()).isFalse();
              assertThat(r.message()).contains("prometheus down");
            });
    // Hold expires 10 minutes after the last good data; the floor then steps down to min.
    assertThat(outage.get(9).decision().reason()).isIn(Reason.FALLBACK, Reason.STABILIZATION);
    assertThat(outage).extracting(Recommendation::floor).isSortedAccordingTo((a, b) -> b - a);
    assertThat(outage.get(19).floor()).isEqualTo(1);
    assertThat(outage.get(19).decision().reason()).isEqualTo(Reason.FALLBACK);
    assertThat(outage.get(19).message()).contains("hold expired");

    source.broken = false;
    Recommendation recovered = evaluateAfter(MINUTE, spec, source);
    assertThat(recovered.metricsAvailable()).isTrue();
    assertThat(recovered.decision().reason()).isEqualTo(Reason.FORECAST);
    assertThat(recovered.floor()).isEqualTo(11);
  }

  @Test
  void invalidNewestValuesHoldInsteadOfScalingDown() {
    AppScalingSpec spec = spec().build();
    DemandSource good = recording(i -> 1000);
    assertThat(scaler.evaluate(spec, good, state).floor()).isEqualTo(11);

    for (double bad : new double[] {Double.NaN, -5, 1e9, Double.POSITIVE_INFINITY}) {
      DemandSource source = (from, to, step) -> replaceNewest(good.fetch(from, to, step), bad);
      // NaN only counts once nothing valid is left inside the freshness window.
      DemandSource stale =
          (from, to, step) -> {
            Series s = good.fetch(from, to, step);
            return s.slice(0, s.size() - 4);
          };
      Recommendation r = evaluateAfter(MINUTE, spec, Double.isNaN(bad) ? stale : source);

      assertThat(r.decision().reason()).as("value %s", bad).isEqualTo(Reason.HOLD);
      assertThat(r.floor()).isEqualTo(11);
      assertThat(r.metricsAvailable()).isFalse();
    }
    assertThat(
            evaluateAfter(MINUTE, spec, (from, to, step) -> Series.empty(from, step))
                .decision()
                .reason())
        .isEqualTo(Reason.HOLD);
  }

  @Test
  void outageBeforeAnyGoodDataFallsBackToMin() {
    Recommendation r =
        scaler.evaluate(
            spec().build(),
            (from, to, step) -> {
              throw new IOException("no route to host");
            },
            state);

    assertThat(r.decision().reason()).isEqualTo(Reason.FALLBACK);
    assertThat(r.floor()).isEqualTo(1);
    assertThat(r.message()).contains("no route to host");
  }

  @Test
  void tooLittleHistoryIsReactive() {
    clock.set(T0.plus(Duration.ofMinutes(10)));

    Recommendation r = scaler.evaluate(spec().build(), recording(i -> 1000), state);

    assertThat(r.decision().reason()).isEqualTo(Reason.REACTIVE);
    assertThat(r.floor()).isEqualTo(1);
    assertThat(r.metricsAvailable()).isTrue();
  }

  @Test
  void accuracyGateFallsBackWhileForecastsMissAndRecoversWhenTheyHitAgain() {
    // First day and a half flat, then 90 minutes of a square wave a straight line cannot
    // follow, then flat again.
    int chaosFrom = 2 * DAY;
    int chaosTo = chaosFrom + 90;
    DemandSource source =
        recording(i -> i >= chaosFrom && i < chaosTo ? ((i / 5) % 2 == 0 ? 100 : 1900) : 1000);
    AppScalingSpec spec =
        spec()
            .maxForecastError(0.5)
            .accuracyWindow(Duration.ofMinutes(20))
            .scaleDownStabilization(Duration.ZERO)
            .scaleDownFractionPerMinute(1.0)
            .build();

    List<Recommendation> run = new ArrayList<>();
    for (int minute = 0; minute < 200; minute++) {
      run.add(evaluateAfter(minute == 0 ? Duration.ZERO : MINUTE, spec, source));
    }

    assertThat(run.subList(0, 5))
        .extracting(r -> r.decision().reason())
        .containsOnly(Reason.FORECAST);
    Recommendation gated =
        run.stream()
            .filter(r -> r.decision().reason() == Reason.FALLBACK)
            .findFirst()
            .orElseThrow();
    assertThat(gated.floor()).isEqualTo(1);
    assertThat(gated.metricsAvailable()).isTrue();
    assertThat(gated.accuracy().recentError()).isGreaterThan(0.5);
    assertThat(gated.message()).contains("forecast error");
    assertThat(state.forecastTrusted()).isTrue();
    Recommendation last = run.get(run.size() - 1);
    assertThat(last.decision().reason()).isEqualTo(Reason.FORECAST);
    assertThat(last.accuracy().recentError()).isLessThan(0.4);
    // back on the flat 1000: the learned margin has seen the chaos leave the window, so no margin
    assertThat(last.floor()).isEqualTo(10);
  }

  /**
   * Alternates 1000 / 1500 req/min from day 1: a straight line fits ~1250, every 3-minute horizon
   * peaks at 1500.
   */
  private static DemandSource alternating() {
    return recording(i -> i >= DAY && i % 2 == 1 ? 1500 : 1000);
  }

  private List<Recommendation> everyMinute(AppScalingSpec spec, DemandSource source, int minutes) {
    List<Recommendation> run = new ArrayList<>();
    for (int minute = 0; minute < minutes; minute++) {
      run.add(evaluateAfter(minute == 0 ? Duration.ZERO : MINUTE, spec, source));
    }
    return run;
  }

  @Test
  void learnedMarginReplacesTheHeadroomOnceEnoughHorizonsAreScored() {
    AppScalingSpec spec =
        spec().maxForecastError(0.9).build(); // default marginQuantile 0.9, utilisation 1

    List<Recommendation> run = everyMinute(spec, alternating(), 30);

    // No horizon scored yet: the fixed 10 % headroom.
    assertThat(run.get(0).message()).contains("headroom");
    assertThat(run.get(0).decision().desired())
        .isEqualTo((int) Math.ceil(run.get(0).forecast().peak() * 1.1 / 100 - 1e-9));
    // From the 10th scored horizon on: the p90 of actual / forecast peak - 1 (~ 1500 / 1250 - 1 =
    // 0.2).
    Recommendation last = run.get(run.size() - 1);
    assertThat(last.decision().reason()).isEqualTo(Reason.FORECAST);
    assertThat(last.message()).contains("learned margin").contains("p90");
    assertThat(last.forecast().peak()).isBetween(1200.0, 1300.0);
    // Covers the 1500 peaks (the forecast peak wobbles with the parity of the fitted window, and
    // the p90
    // error belongs to the lowest forecasts, so one replica more).
    assertThat(last.decision().desired()).isBetween(15, 16);
    AppScalingSpec fixed = spec().maxForecastError(0.9).marginQuantile(0).build();
    Recommendation withHeadroom = scaler.evaluate(fixed, alternating(), new ScalerState());
    assertThat(withHeadroom.message()).contains("headroom").doesNotContain("learned");
    assertThat(withHeadroom.decision().desired())
        .isEqualTo((int) Math.ceil(withHeadroom.forecast().peak() * 1.1 / 100 - 1e-9));
  }

  @Test
  void learnedMarginOnASmoothSeriesIsNoneAndTheFloorCarriesDemandAtFullCapacity() {
    // 100 per replica at the HPA's 70 % target = 142.9 at full capacity.
    AppScalingSpec spec = spec().targetUtilization(0.7).build();

    List<Recommendation> run = everyMinute(spec, recording(i -> 1000), 20);

    Recommendation last = run.get(run.size() - 1);
    assertThat(last.message()).contains("learned margin").contains("at 70 % utilisation");
    // ceil(1000 x (1 + 0) x 0.7 / 100) = 7: no margin stacked on the HPA's own 43 % headroom
    assertThat(last.decision().desired()).isEqualTo(7);
    assertThat(run.get(0).decision().desired())
        .isEqualTo(11); // before scoring: the fixed headroom on the target
  }

  @Test
  void learnedMarginIsClampedAndCorrectsOverForecasts() {
    // A forecaster that always says 4000 while demand is 1000: residual -0.75, clamped to -0.5.
    ForecasterFactory high =
        (model, period, lead) ->
            new Forecaster() {
              @Override
              public Forecast forecast(Series history, int steps) {
                double[] v = new double[steps];
                java.util.Arrays.fill(v, 4000);
                return Forecast.after(history, v, ForecastModel.LINEAR, "always 4000");
              }

              @Override
              public ForecastModel model() {
                return ForecastModel.LINEAR;
              }
            };
    PredictiveScaler biased = new PredictiveScaler(clock, high);
    AppScalingSpec spec = spec().maxForecastError(1e9).build();
    Recommendation last = null;
    for (int minute = 0; minute < 20; minute++) {
      clock.advance(minute == 0 ? Duration.ZERO : MINUTE);
      last = biased.evaluate(spec, recording(i -> 1000), state);
    }

    assertThat(last.message()).contains("-0.50");
    assertThat(last.decision().desired()).isEqualTo(20); // 4000 x 0.5 / 100, not 44
  }

  @Test
  void accuracyGateOffWhenTheThresholdIsNeverReached() {
    int chaosFrom = 2 * DAY;
    DemandSource source = recording(i -> i >= chaosFrom && ((i / 5) % 2 == 0) ? 100 : 1900);
    AppScalingSpec spec = spec().maxForecastError(1e9).build();

    double worstError = 0;
    for (int minute = 0; minute < 60; minute++) {
      Recommendation r = evaluateAfter(MINUTE, spec, source);
      assertThat(r.decision().reason()).isNotEqualTo(Reason.FALLBACK);
      worstError =
          Double.isNaN(r.accuracy().recentError())
              ? worstError
              : Math.max(worstError, r.accuracy().recentError());
    }
    assertThat(worstError).as("errors that would close a default gate").isGreaterThan(0.5);
  }

  @Test
  void defaultHorizonFollowsLearnedPodReadyLatency() {
    for (int i = 0; i < 10; i++) {
      state.readyLatency().record(Duration.ofSeconds(100 + i));
    }

    Recommendation r =
        scaler.evaluate(
            spec().horizon(null).horizonMargin(Duration.ofSeconds(30)).build(),
            recording(i -> 1000),
            state);

    assertThat(r.forecast().horizon()).isEqualTo(Duration.ofSeconds(109 + 30));
  }

  @Test
  void customForecasterFactoryDrivesTheRealDecisionLogic() {
    // A forecaster that always says "double": the floor follows it, and the accuracy gate
    // notices once the actuals disagree.
    ForecasterFactory doubling =
        (model, period, lead) ->
            new Forecaster() {
              @Override
              public ForecastModel model() {
                return ForecastModel.LINEAR;
              }

              @Override
              public Forecast forecast(Series history, int steps) {
                double[] v = new double[steps];
                java.util.Arrays.fill(v, 2 * history.get(history.size() - 1));
                return Forecast.after(history, v, model(), "doubling");
              }
            };
    PredictiveScaler custom = new PredictiveScaler(clock, doubling);
    AppScalingSpec spec =
        spec().scaleDownStabilization(Duration.ZERO).scaleDownFractionPerMinute(1.0).build();

    Recommendation first = custom.evaluate(spec, recording(i -> 1000), state);
    Recommendation later = first;
    for (int minute = 0; minute < 20; minute++) {
      clock.advance(MINUTE);
      later = custom.evaluate(spec, recording(i -> 1000), state);
    }

    assertThat(first.floor()).isEqualTo(22);
    assertThat(first.forecast().modelDetail()).isEqualTo("doubling");
    assertThat(later.decision().reason()).isEqualTo(Reason.FALLBACK);
    assertThat(later.floor()).isEqualTo(1);
    assertThat(later.accuracy().recentError()).isCloseTo(1.0, within(1e-9));
    assertThat(state.forecastTrusted()).isFalse();
  }

  private static Series replaceNewest(Series s, double value) {
    double[] v = s.toArray();
    v[v.length - 1] = value;
    return Series.of(s.start(), s.step(), v);
  }

  /** A source the test can break, like a Prometheus outage. */
  private static final class BreakableSource implements DemandSource {
    private final DemandSource delegate;
    boolean broken;

    BreakableSource(DemandSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public Series fetch(java.time.Instant from, java.time.Instant to, Duration step)
        throws Exception {
      if (broken) {
        throw new IOException("prometheus down");
      }
      return delegate.fetch(from, to, step);
    }
  }
}
