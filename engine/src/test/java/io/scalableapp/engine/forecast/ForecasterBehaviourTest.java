package io.scalableapp.engine.forecast;

import static io.scalableapp.engine.testing.SyntheticSeries.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.testing.SyntheticSeries;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ForecasterBehaviourTest {

  private static final Optional<Duration> DAILY = Optional.of(Duration.ofDays(1));

  static Stream<Forecaster> allModels() {
    return Stream.of(
        new HoltWintersForecaster(DAILY),
        new HoltWintersForecaster(Optional.empty()),
        new LinearTrendForecaster(),
        new SeasonalNaiveForecaster(DAILY),
        new SeasonalNaiveForecaster(Optional.empty()),
        new SeasonalProfileForecaster(DAILY),
        new SeasonalProfileForecaster(Optional.empty()),
        Forecasters.create(ForecastModel.AUTO, DAILY, 5));
  }

  @ParameterizedTest
  @MethodSource("allModels")
  void flatSeriesForecastsFlat(Forecaster forecaster) {
    Forecast f = forecaster.forecast(SyntheticSeries.flat(3 * DAY, 250), 30);

    assertThat(f.size()).isEqualTo(30);
    for (int i = 0; i < f.size(); i++) {
      assertThat(f.get(i)).isCloseTo(250, within(1e-6));
    }
    assertThat(f.model()).isNotEqualTo(ForecastModel.AUTO);
  }

  @ParameterizedTest
  @MethodSource("allModels")
  void gapsProduceFiniteNonNegativeForecasts(Forecaster forecaster) {
    Series withGaps =
        SyntheticSeries.of(
            3 * DAY,
            i ->
                (i % 97 < 20 || (i > 2000 && i < 2600))
                    ? Double.NaN
                    : SyntheticSeries.dailySine(i, 100, 80));

    Forecast f = forecaster.forecast(withGaps, 60);

    for (int i = 0; i < f.size(); i++) {
      assertThat(f.get(i)).isFinite().isGreaterThanOrEqualTo(0);
    }
  }

  @ParameterizedTest
  @MethodSource("allModels")
  void trailingGapStillForecastsNearTheLastKnownLevel(Forecaster forecaster) {
    Series s = SyntheticSeries.of(2 * DAY + 100, i -> i >= 2 * DAY + 90 ? Double.NaN : 400);

    Forecast f = forecaster.forecast(s, 5);

    assertThat(f.get(0)).isCloseTo(400, within(1.0));
  }

  @Test
  void forecastStartsOneStepAfterTheHistory() {
    Series s = SyntheticSeries.flat(100, 1);

    Forecast f = new LinearTrendForecaster().forecast(s, 3);

    assertThat(f.timeAt(0)).isEqualTo(s.end().plus(s.step()));
    assertThat(f.step()).isEqualTo(s.step());
  }

  @Test
  void linearContinuesARampExactly() {
    Series ramp = SyntheticSeries.ramp(600, 100, 2);

    Forecast f = new LinearTrendForecaster().forecast(ramp, 10);

    assertThat(f.get(0)).isCloseTo(100 + 2 * 600, within(1e-6));
    assertThat(f.get(9)).isCloseTo(100 + 2 * 609, within(1e-6));
  }

  @Test
  void holtWintersFollowsARampWithoutSeason() {
    Series ramp = SyntheticSeries.ramp(2 * DAY, 100, 0.5);

    Forecast f = new HoltWintersForecaster(Optional.empty()).forecast(ramp, 10);

    double expected = 100 + 0.5 * (2 * DAY + 9);
    assertThat(f.get(9)).isCloseTo(expected, within(expected * 0.01));
  }

  @Test
  void holtWintersLearnsADailySineAndForecastsHoursAhead() {
    Series sine = SyntheticSeries.dailySine(4 * DAY, 500, 300, 0, 1);
    int ahead = 6 * 60;

    Forecast f = new HoltWintersForecaster(DAILY).forecast(sine, ahead);

    for (int s = 1; s <= ahead; s += 30) {
      double actual = SyntheticSeries.dailySine(4 * DAY - 1 + s, 500, 300);
      assertThat(f.get(s - 1)).as("step %d", s).isCloseTo(actual, within(15.0));
    }
    assertThat(f.description()).contains("season=1d", "bucket=5m");
  }

  @Test
  void seasonalNaiveRepeatsYesterdayAndLooksFurtherBackOverGaps() {
    double[] v = new double[3 * DAY];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % DAY; // sawtooth: value = minute of day
    }
    v[2 * DAY] = Double.NaN; // yesterday's midnight missing: use the day before
    Series s = Series.of(SyntheticSeries.T0, SyntheticSeries.MINUTE, v);

    Forecast f = new SeasonalNaiveForecaster(DAILY).forecast(s, 3);

    assertThat(f.get(0)).isEqualTo(0);
    assertThat(f.get(2)).isEqualTo(2);
  }

  @Test
  void holtWintersAdaptsToAStepChange() {
    Series step = SyntheticSeries.of(3 * DAY, i -> i < 3 * DAY - 120 ? 100 : 300);

    Forecast f = new HoltWintersForecaster(DAILY).forecast(step, 5);

    // Two hours after the jump the model sits at the new level, not at yesterday's.
    assertThat(f.get(4)).isCloseTo(300, within(30.0));
  }

  @Test
  void seasonalModelsDegradeGracefullyOnShortHistory() {
    Series shortHistory = SyntheticSeries.ramp(120, 10, 1);

    for (Forecaster f :
        List.of(new HoltWintersForecaster(DAILY), new SeasonalNaiveForecaster(DAILY))) {
      Forecast out = f.forecast(shortHistory, 5);
      assertThat(out.get(0)).isBetween(100.0, 140.0);
    }
  }
}
