package io.scalableapp.engine.forecast;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.series.Steps;
import java.time.Duration;

/**
 * Least-squares straight line through the most recent window, extrapolated. Good for ramps that a
 * seasonal model has not seen before; O(window) per fit.
 */
public final class LinearTrendForecaster implements Forecaster {

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(30);

  private final Duration window;

  public LinearTrendForecaster(Duration window) {
    this.window = window;
  }

  public LinearTrendForecaster() {
    this(DEFAULT_WINDOW);
  }

  @Override
  public ForecastModel model() {
    return ForecastModel.LINEAR;
  }

  @Override
  public Forecast forecast(Series history, int steps) {
    double[] y = history.toArray();
    int n = y.length;
    int from = Math.max(0, n - Steps.nearest(window, history.step()));
    // x is the index relative to the newest point, keeping the sums well conditioned.
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int count = 0;
    for (int i = from; i < n; i++) {
      if (Double.isNaN(y[i])) {
        continue;
      }
      double x = i - (n - 1);
      sx += x;
      sy += y[i];
      sxx += x * x;
      sxy += x * y[i];
      count++;
    }
    double slope = 0;
    double intercept = Values.lastValid(y);
    if (count >= 2 && count * sxx - sx * sx > 0) {
      slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
      intercept = (sy - slope * sx) / count;
    } else if (count == 1) {
      intercept = sy;
    }
    double[] f = new double[steps];
    for (int s = 1; s <= steps; s++) {
      f[s - 1] = intercept + slope * s;
    }
    String description =
        String.format("LINEAR window=%s slope=%.4g/step", Values.formatDuration(window), slope);
    return Forecast.after(history, Values.nonNegative(f), model(), description);
  }
}
