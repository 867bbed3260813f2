package io.scalableapp.engine.forecast;

import static io.scalableapp.engine.testing.SyntheticSeries.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.testing.SyntheticSeries;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeasonalProfileForecasterTest {

  private static final Optional<Duration> DAILY = Optional.of(Duration.ofDays(1));
  private static final SeasonalProfileForecaster PROFILE = new SeasonalProfileForecaster(DAILY);

  /** A daily shape times a level, with multiplicative noise; minute i of day d. */
  private static double shape(int minute) {
    return 300 + 200 * Math.sin(2 * Math.PI * (minute % DAY) / DAY);
  }

  @Test
  void aBusierDayThanUsualCarriesIntoTheForecast() {
    // Six ordinary days, then today runs 40 % above its usual shape since midnight.
    Random random = new Random(5);
    int minutes = 6 * DAY + 600;
    Series history =
        SyntheticSeries.of(
            minutes,
            i -> shape(i) * (i >= 6 * DAY ? 1.4 : 1.0) * Math.exp(0.05 * random.nextGaussian()));

    Forecast f = PROFILE.forecast(history, 10);

    double usual = shape(minutes + 4);
    assertThat(f.get(4)).isBetween(1.3 * usual, 1.5 * usual);
    assertThat(f.description()).startsWith("SEASONAL_PROFILE season=1d");
  }

  @Test
  void theDailyLagLearnsADeviationThatRepeatsEveryOtherDay() {
    // Every other day has a +80 % bump from 10:00 to 12:00 that the 7-day median profile mostly
    // misses (it sees
    // it on three or four days of seven); only yesterday's deviation there says whether today has
    // it.
    int bumpStart = 600, bumpEnd = 720;
    Random random = new Random(9);
    int minutes = 9 * DAY + bumpStart - 5;
    Series history =
        SyntheticSeries.of(
            minutes,
            i ->
                shape(i)
                    * Math.exp(0.03 * random.nextGaussian())
                    * ((i / DAY) % 2 == 1 && i % DAY >= bumpStart && i % DAY < bumpEnd
                        ? 1.8
                        : 1.0));
    SeasonalProfileForecaster.Settings d = SeasonalProfileForecaster.Settings.DEFAULT;
    SeasonalProfileForecaster withLag =
        new SeasonalProfileForecaster(
            DAILY,
            HoltWintersForecaster.DEFAULT_BUCKET,
            new SeasonalProfileForecaster.Settings(
                d.profileDays(), d.neighbours(), d.arOrder(), true, d.levelWindows()));
    // Today (day 9) is a bump day; yesterday (day 8) was not. Forecast the first bump minutes.
    double actual = 1.8 * shape(minutes + 10);

    double errorWithLag = Math.abs(withLag.forecast(history, 15).get(14) - actual);
    double errorWithout = Math.abs(PROFILE.forecast(history, 15).get(14) - actual);

    assertThat(errorWithLag).isLessThan(0.85 * errorWithout);
    assertThat(withLag.forecast(history, 5).description()).contains("dailyLag");
  }

  @Test
  void followsTheDailyShapeAheadRatherThanTheLastValue() {
    // 23:30, where the shape rises fastest: the last value is ~15 % below where demand is an hour
    // later.
    Random random = new Random(9);
    int minutes = 5 * DAY - 30;
    Series history =
        SyntheticSeries.of(minutes, i -> shape(i) * Math.exp(0.03 * random.nextGaussian()));

    Forecast f = PROFILE.forecast(history, 60);

    for (int s : new int[] {10, 30, 59}) {
      double truth = shape(minutes + s);
      assertThat(f.get(s)).as("step %d", s + 1).isBetween(0.93 * truth, 1.07 * truth);
    }
  }

  @Test
  void gapsInTheHistoryAreSkippedNotReadAsZero() {
    Series full = SyntheticSeries.of(4 * DAY, SeasonalProfileForecasterTest::shape);
    double[] y = full.toArray();
    for (int i = DAY; i < DAY + 300; i++) {
      y[i] = Double.NaN; // a five-hour outage three days ago
    }
    for (int i = y.length - 20; i < y.length - 5; i++) {
      y[i] = Double.NaN; // and a quarter of an hour just now
    }
    Series gappy = Series.of(full.start(), full.step(), y);

    Forecast withGaps = PROFILE.forecast(gappy, 5);

    for (int s = 0; s < 5; s++) {
      double truth = shape(4 * DAY + s);
      assertThat(withGaps.get(s)).isBetween(0.95 * truth, 1.05 * truth);
    }
  }

  @Test
  void withoutASeasonItFollowsTheRecentLevel() {
    Random random = new Random(2);
    Series history =
        SyntheticSeries.of(
            DAY, i -> (i < DAY - 120 ? 100 : 180) * Math.exp(0.05 * random.nextGaussian()));

    Forecast f = new SeasonalProfileForecaster(Optional.empty()).forecast(history, 5);

    assertThat(f.get(4)).isBetween(150.0, 200.0);
    assertThat(f.description()).contains("season=none");
  }

  @Test
  void tooShortAHistoryForecastsTheLastValue() {
    Forecast f = PROFILE.forecast(SyntheticSeries.flat(20, 7), 3);

    assertThat(f.points().toArray()).containsExactly(7, 7, 7);
    assertThat(f.description()).contains("too little history");
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> new SeasonalProfileForecaster.Settings(0, 1, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("profileDays >= 1");
    assertThatThrownBy(() -> new SeasonalProfileForecaster.Settings(7, 1, 1, false, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level windows >= 1");
  }
}
