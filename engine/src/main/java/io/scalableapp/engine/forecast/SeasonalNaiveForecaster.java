package io.scalableapp.engine.forecast;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.series.Steps;
import java.time.Duration;
import java.util.Optional;

/**
 * "Same time last season": each forecast point repeats the value one period earlier, looking a
 * further period back across gaps. Without a season it is the plain naive forecast (last value),
 * which also makes it the baseline the other models must beat.
 */
public final class SeasonalNaiveForecaster implements Forecaster {

  private final Duration period;

  /**
   * @param period seasonal period, or empty for the non-seasonal naive forecast
   */
  public SeasonalNaiveForecaster(Optional<Duration> period) {
    this.period = period.orElse(null);
  }

  @Override
  public ForecastModel model() {
    return ForecastModel.SEASONAL_NAIVE;
  }

  @Override
  public Forecast forecast(Series history, int steps) {
    double[] y = history.toArray();
    int n = y.length;
    int m = period == null ? 0 : Steps.nearest(period, history.step());
    boolean seasonal = m > 0 && n >= m;
    double fallback = Values.lastValid(y);
    double[] f = new double[steps];
    for (int s = 1; s <= steps; s++) {
      f[s - 1] = seasonal ? sameTimeEarlier(y, n - 1 + s, m, fallback) : fallback;
    }
    String what = seasonal ? "season=" + Values.formatDuration(period) : "no season (last value)";
    return Forecast.after(history, Values.nonNegative(f), model(), "SEASONAL_NAIVE " + what);
  }

  private static double sameTimeEarlier(double[] y, int target, int m, double fallback) {
    // First whole period back that lands inside the history, then further back over NaN gaps.
    int i = target - ((target - (y.length - 1) + m - 1) / m) * m;
    for (; i >= 0; i -= m) {
      if (!Double.isNaN(y[i])) {
        return y[i];
      }
    }
    return fallback;
  }
}
