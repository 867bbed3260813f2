package io.scalableapp.engine.forecast;

/**
 * Additive Holt-Winters with a damped trend, run over one array. Kept separate from the forecaster
 * so parameter search can replay the same O(n) filter many times without allocating. A period of 0
 * means no seasonal component (Holt's linear method).
 */
final class HoltWintersState {

  /** Damping keeps a trend learned from a short ramp from running away over long horizons. */
  static final double PHI = 0.98;

  private final int period;
  private final double[] y;
  private final double[] season;
  // The start the filter resets to on every run: it depends on the series only, not on the
  // parameters, so a parameter search computes it once (it cost as much as the filter itself).
  private final double[] initialSeason;
  private final double initialLevel;
  private final double initialTrend;
  private final int startAt;
  private double level;
  private double trend;
  private int t;

  /** A filter over {@code y}, which must not change while the state is in use. */
  HoltWintersState(int period, double[] y) {
    this.period = period;
    this.y = y;
    this.season = new double[Math.max(period, 1)];
    this.startAt = initialise(y);
    this.initialSeason = season.clone();
    this.initialLevel = level;
    this.initialTrend = trend;
  }

  /** Points needed before the filter can start: two seasons (one to initialise, one to compare). */
  static int minimumLength(int period) {
    return period == 0 ? 2 : 2 * period;
  }

  /**
   * Starts from the first seasons and filters the whole series.
   *
   * @return sum of squared one-step-ahead errors over the filtered part
   */
  double run(double alpha, double beta, double gamma) {
    System.arraycopy(initialSeason, 0, season, 0, season.length);
    level = initialLevel;
    trend = initialTrend;
    double sse = 0;
    int si = period == 0 ? 0 : startAt % period;
    int last = season.length - 1;
    for (t = startAt; t < y.length; t++, si = si == last ? 0 : si + 1) {
      double s = season[si];
      double predictedLevel = level + PHI * trend;
      double v = y[t];
      if (Double.isNaN(v)) {
        // Missing sample: advance the state on its own prediction, learn nothing.
        level = predictedLevel;
        trend = PHI * trend;
        continue;
      }
      double error = v - predictedLevel - s;
      sse += error * error;
      double newLevel = predictedLevel + alpha * error;
      trend = PHI * trend + beta * (newLevel - level - PHI * trend);
      season[si] = s + gamma * (v - newLevel - s);
      level = newLevel;
    }
    return sse;
  }

  /**
   * Forecasts relative to the last filtered point: index 0 is the smoothed value of that point
   * itself, index k the value k steps later. Index 0 lets callers interpolate between buckets.
   */
  double[] forecast(int steps) {
    double[] f = new double[steps + 1];
    double damp = 0;
    double phiPower = 1;
    for (int k = 0; k <= steps; k++) {
      if (k > 0) {
        phiPower *= PHI;
        damp += phiPower;
      }
      int si = period == 0 ? 0 : (t - 1 + k) % period;
      f[k] = level + damp * trend + season[si];
    }
    return f;
  }

  private int initialise(double[] y) {
    if (period == 0) {
      int first = 0;
      while (first < y.length - 1 && Double.isNaN(y[first])) {
        first++;
      }
      level = Double.isNaN(y[first]) ? 0 : y[first];
      trend = 0;
      season[0] = 0;
      return first + 1;
    }
    // Level and trend from the first two season means; seasonal offsets averaged over up to
    // three early seasons so one odd day does not set the shape. The newest complete season is
    // never used here: a recent change must be learned by the filter (level), not baked into
    // the initial seasonal profile where a small gamma would keep it for days.
    int seasons = Math.max(1, Math.min(3, y.length / period - 1));
    double first = orZero(Values.mean(y, 0, period));
    double second = seasons > 1 ? orZero(Values.mean(y, period, 2 * period)) : first;
    double[] seasonMeans = new double[seasons];
    for (int k = 0; k < seasons; k++) {
      seasonMeans[k] = Values.mean(y, k * period, (k + 1) * period);
    }
    for (int i = 0; i < period; i++) {
      double sum = 0;
      int n = 0;
      for (int k = 0; k < seasons; k++) {
        double v = y[k * period + i];
        double m = seasonMeans[k];
        if (!Double.isNaN(v) && !Double.isNaN(m)) {
          sum += v - m;
          n++;
        }
      }
      season[i] = n == 0 ? 0 : sum / n;
    }
    trend = (second - first) / period;
    level = first + trend * (period - 1) / 2.0; // the season mean sits at its middle
    return period;
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }
}
