package io.scalableapp.lab.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.forecast.Forecast;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForecastDegradationTest {

  private static final Series HISTORY =
      Series.of(Instant.parse("2020-01-01T00:00:00Z"), Duration.ofMinutes(1), 1, 2, 3);

  /** Forecasts 100, 200, 300, ... so every shifted or scaled point is recognisable. */
  private static final Forecaster RAMP =
      new Forecaster() {
        @Override
        public ForecastModel model() {
          return ForecastModel.HOLT_WINTERS;
        }

        @Override
        public Forecast forecast(Series history, int steps) {
          double[] values = new double[steps];
          for (int i = 0; i < steps; i++) {
            values[i] = 100 * (i + 1);
          }
          return Forecast.after(history, values, model(), "ramp");
        }
      };

  @Test
  void biasScalesEveryPointAndKeepsTheModel() {
    Forecast high = ForecastDegradation.bias(0.5).wrap(RAMP).forecast(HISTORY, 2);
    Forecast low = ForecastDegradation.bias(-0.5).wrap(RAMP).forecast(HISTORY, 2);

    assertThat(high.points().toArray()).containsExactly(150, 300);
    assertThat(low.points().toArray()).containsExactly(50, 100);
    assertThat(high.model()).isEqualTo(ForecastModel.HOLT_WINTERS);
  }

  @Test
  void phaseShiftReportsLaterForecastsAtTheRequestedTimes() {
    Forecast early =
        ForecastDegradation.early(Duration.ofMinutes(2)).wrap(RAMP).forecast(HISTORY, 2);

    assertThat(early.points().toArray()).containsExactly(300, 400);
    assertThat(early.timeAt(0)).isEqualTo(Instant.parse("2020-01-01T00:03:00Z"));
  }

  @Test
  void noneLeavesTheForecasterUntouched() {
    assertThat(ForecastDegradation.none().wrap(RAMP)).isSameAs(RAMP);
  }
}
