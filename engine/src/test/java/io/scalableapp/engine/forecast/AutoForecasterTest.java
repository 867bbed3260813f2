package io.scalableapp.engine.forecast;

import static io.scalableapp.engine.testing.SyntheticSeries.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.testing.SyntheticSeries;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoForecasterTest {

  private static final Optional<Duration> DAILY = Optional.of(Duration.ofDays(1));
  private static final int LEAD = 5;

  private static AutoForecaster auto(Optional<Duration> period) {
    return (AutoForecaster) Forecasters.create(ForecastModel.AUTO, period, LEAD);
  }

  @Test
  void choosesLinearForASteadyRampWithoutSeason() {
    Series ramp = SyntheticSeries.ramp(DAY, 50, 0.3);

    AutoForecaster.Selection s = auto(Optional.empty()).select(ramp);

    assertThat(s.chosen().model()).isEqualTo(ForecastModel.LINEAR);
    assertThat(s.wapeByModel())
        .containsKeys(
            ForecastModel.SEASONAL_PROFILE,
            ForecastModel.HOLT_WINTERS,
            ForecastModel.SEASONAL_NAIVE);
  }

  @Test
  void choosesASeasonalModelForANoisyDailySeason() {
    // Noise defeats the naive repeat of yesterday; the curve defeats a straight line.
    Series noisy = SyntheticSeries.dailySine(5 * DAY, 500, 300, 40, 7);

    AutoForecaster.Selection s = auto(DAILY).select(noisy);

    assertThat(s.chosen().model()).isIn(ForecastModel.SEASONAL_PROFILE, ForecastModel.HOLT_WINTERS);
    assertThat(s.wapeByModel().get(s.chosen().model()))
        .isLessThan(s.wapeByModel().get(ForecastModel.LINEAR));
  }

  @Test
  void choosesSeasonalNaiveForAnExactlyRepeatingSpikyPattern() {
    // Random minute-level spikes that repeat identically every day: only "same minute yesterday"
    // can know them; 5-minute buckets blur them and a line cannot see them coming.
    Random random = new Random(3);
    double[] day = new double[DAY];
    for (int i = 0; i < DAY; i++) {
      day[i] = random.nextInt(10) == 0 ? 1000 : 100;
    }
    Series s = SyntheticSeries.of(4 * DAY, i -> day[i % DAY]);

    AutoForecaster.Selection selection = auto(DAILY).select(s);

    assertThat(selection.chosen().model()).isEqualTo(ForecastModel.SEASONAL_NAIVE);
    assertThat(selection.wapeByModel().get(ForecastModel.SEASONAL_NAIVE)).isLessThan(1e-9);
  }

  @Test
  void forecastNamesTheChosenModelAndTheScores() {
    Forecast f = auto(Optional.empty()).forecast(SyntheticSeries.ramp(DAY, 50, 0.3), 3);

    assertThat(f.model()).isEqualTo(ForecastModel.LINEAR);
    assertThat(f.description()).startsWith("AUTO -> LINEAR").contains("holdout WAPE");
  }

  @Test
  void tooShortToJudgeFallsBackToTheFirstCandidate() {
    AutoForecaster.Selection s = auto(DAILY).select(SyntheticSeries.flat(20, 5));

    assertThat(s.chosen().model()).isEqualTo(Forecasters.AUTO_CANDIDATES.get(0));
    assertThat(s.wapeByModel()).isEmpty();
  }
}
