package io.scalableapp.engine.forecast;

/**
 * Forecast error measures over paired arrays; pairs with a NaN on either side are skipped. The
 * engine itself uses {@link #wape}: plain MAPE explodes on near-zero demand (quiet nights), while
 * WAPE weights each error by the demand it was about.
 */
public final class ForecastErrors {

  private ForecastErrors() {}

  /** Weighted absolute percentage error: sum|a - f| / sum|a|, as a fraction. NaN if sum|a| is 0. */
  public static double wape(double[] actual, double[] forecast) {
    double err = 0, total = 0;
    for (int i = 0; i < actual.length; i++) {
      if (!Double.isNaN(actual[i]) && !Double.isNaN(forecast[i])) {
        err += Math.abs(actual[i] - forecast[i]);
        total += Math.abs(actual[i]);
      }
    }
    return total == 0 ? Double.NaN : err / total;
  }

  /** Classic mean absolute percentage error, as a fraction; points with actual 0 are skipped. */
  public static double mape(double[] actual, double[] forecast) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < actual.length; i++) {
      if (!Double.isNaN(actual[i]) && !Double.isNaN(forecast[i]) && actual[i] != 0) {
        sum += Math.abs((actual[i] - forecast[i]) / actual[i]);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Mean absolute error. */
  public static double mae(double[] actual, double[] forecast) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < actual.length; i++) {
      if (!Double.isNaN(actual[i]) && !Double.isNaN(forecast[i])) {
        sum += Math.abs(actual[i] - forecast[i]);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * Mean absolute scaled error: MAE divided by the in-sample MAE of the naive forecast at {@code
   * lag} (1 for one-step, the season length for seasonal MASE). Below 1 beats naive.
   */
  public static double mase(double[] actual, double[] forecast, double[] training, int lag) {
    double sum = 0;
    int n = 0;
    for (int i = lag; i < training.length; i++) {
      if (!Double.isNaN(training[i]) && !Double.isNaN(training[i - lag])) {
        sum += Math.abs(training[i] - training[i - lag]);
        n++;
      }
    }
    double scale = n == 0 ? Double.NaN : sum / n;
    return mae(actual, forecast) / scale;
  }
}
