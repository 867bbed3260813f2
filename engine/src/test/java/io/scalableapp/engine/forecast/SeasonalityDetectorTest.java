package io.scalableapp.engine.forecast;

import static io.scalableapp.engine.testing.SyntheticSeries.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.testing.SyntheticSeries;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeasonalityDetectorTest {

  @Test
  void findsADailyCycle() {
    Series s = SyntheticSeries.dailySine(4 * DAY, 500, 300, 30, 1);

    assertThat(SeasonalityDetector.detect(s)).contains(Duration.ofDays(1));
  }

  @Test
  void findsAWeeklyCycleWhenWeekendsDiffer() {
    // Busy weekdays with a daily shape, near-idle weekends: yesterday is a poor guide on
    // Saturdays and Mondays, last week is a good one.
    Series s =
        SyntheticSeries.of(
            21 * DAY,
            i -> {
              boolean weekend = (i / DAY) % 7 >= 5;
              return weekend ? 20 : SyntheticSeries.dailySine(i, 500, 300);
            });

    assertThat(SeasonalityDetector.detect(s)).contains(Duration.ofDays(7));
  }

  @Test
  void prefersDailyWhenWeeklyAddsNothing() {
    Series s = SyntheticSeries.dailySine(21 * DAY, 500, 300, 30, 2);

    assertThat(SeasonalityDetector.detect(s)).contains(Duration.ofDays(1));
  }

  @Test
  void noiseHasNoSeason() {
    Random random = new Random(5);
    Series s = SyntheticSeries.of(4 * DAY, i -> 100 + 10 * random.nextGaussian());

    assertThat(SeasonalityDetector.detect(s)).isEmpty();
  }

  @Test
  void lessThanTwoPeriodsCannotShowASeason() {
    Series s = SyntheticSeries.dailySine(DAY + DAY / 2, 500, 300, 0, 1);

    assertThat(SeasonalityDetector.detect(s)).isEmpty();
  }

  @Test
  void fixedSeasonalityIsTakenAsGiven() {
    Series noise = SyntheticSeries.flat(100, 1);

    assertThat(SeasonalityDetector.resolve(Seasonality.WEEKLY, noise)).contains(Duration.ofDays(7));
    assertThat(SeasonalityDetector.resolve(Seasonality.NONE, noise)).isEmpty();
  }
}
