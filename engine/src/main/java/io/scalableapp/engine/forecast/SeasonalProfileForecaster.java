package io.scalableapp.engine.forecast;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.series.Steps;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Seasonal profile plus a regression of today's deviation from it, in log space.
 *
 * <ul>
 *   <li><b>Profile</b>: for every bucket, the median over the previous {@code profileDays} seasons
 *       of the mean log demand around the same time ({@code neighbours} buckets either side). The
 *       median ignores an odd day (a weekend among weekdays, an outage, a spike), which a smoothed
 *       average keeps for days.
 *   <li><b>Recent-level correction</b>: the deviation of the log demand from that profile is
 *       regressed, by least squares over the whole history, on its last {@code arOrder} values, its
 *       mean over each of the last {@code levelWindows} buckets, and the profile's level and slope
 *       at the bucket. Today being 30 % busier than usual therefore carries into the next buckets,
 *       fading at the rate the history shows, and the profile is trusted as much as it has earned.
 * </ul>
 *
 * Log space because web demand varies multiplicatively (a busy day scales night and noon alike) and
 * its noise grows with its level; the back-transformed forecast is the median, not the mean, of the
 * predicted demand. Fitted at 5-minute buckets like {@link HoltWintersForecaster}. Without a season
 * the profile is the mean log demand. The profile and the regressors at a bucket use only earlier
 * buckets, so fitting sees no future. Cost: O(n x profileDays) for the profile (prefix sums) plus
 * one small least-squares solve.
 */
public final class SeasonalProfileForecaster implements Forecaster {

  /**
   * The model's knobs. {@link #DEFAULT} was chosen by {@code lab/.../predictive/ProfileTuning} on
   * the validation window inside the training part of the NASA 5-minute protocol; re-run it to see
   * the grid.
   */
  public record Settings(
      int profileDays, int neighbours, int arOrder, boolean dailyLag, int... levelWindows) {

    public static final Settings DEFAULT = new Settings(7, 1, 2, false, 12, 72);

    public Settings {
      if (profileDays < 1
          || neighbours < 0
          || arOrder < 1
          || Arrays.stream(levelWindows).anyMatch(w -> w < 1)) {
        throw new IllegalArgumentException(
            "need profileDays >= 1, neighbours >= 0, arOrder >= 1 and level windows >= 1");
      }
      levelWindows = levelWindows.clone();
    }

    /** Regressors: intercept, lags, the daily lag, level windows, profile level and slope. */
    int regressors() {
      return 1 + arOrder + (dailyLag ? 1 : 0) + levelWindows.length + 2;
    }

    @Override
    public String toString() {
      return "days="
          + profileDays
          + " neighbours="
          + neighbours
          + " ar="
          + arOrder
          + (dailyLag ? " dailyLag" : "")
          + " levels="
          + Arrays.toString(levelWindows);
    }
  }

  /** Ridge on the normal equations: keeps the solve stable when a regressor barely varies. */
  private static final double RIDGE = 1e-6;

  /** Rows per regressor a fit needs. */
  private static final int ROWS_PER_REGRESSOR = 4;

  private final Duration period;
  private final Duration bucket;
  private final Settings settings;

  public SeasonalProfileForecaster(Optional<Duration> period, Duration bucket, Settings settings) {
    this.period = period.orElse(null);
    this.bucket = bucket;
    this.settings = settings;
  }

  public SeasonalProfileForecaster(Optional<Duration> period) {
    this(period, HoltWintersForecaster.DEFAULT_BUCKET, Settings.DEFAULT);
  }

  @Override
  public ForecastModel model() {
    return ForecastModel.SEASONAL_PROFILE;
  }

  @Override
  public Forecast forecast(Series history, int steps) {
    int factor = Buckets.factor(bucket, history);
    Series buckets = history.downsample(factor);
    double[] z = logOf(buckets.toArray());
    int n = z.length;
    int ahead = Buckets.bucketsAhead(factor, steps);
    int m = period == null ? 0 : Steps.nearest(period, buckets.step());
    String seasonNote = period == null ? "none" : Values.formatDuration(period);
    if (m > 0 && n < m + ROWS_PER_REGRESSOR * settings.regressors()) {
      m = 0;
      seasonNote = "none (history shorter than a season and a fit)";
    }
    double[] profile = m == 0 ? flat(z, n + ahead) : profile(z, m, ahead);
    double[] d = new double[n + ahead];
    for (int i = 0; i < n; i++) {
      d[i] = z[i] - profile[i];
    }
    Deviations dev = new Deviations(d, n);
    double[] coef = fit(dev, n, profile, m);
    if (coef == null) {
      double[] flat = new double[steps];
      Arrays.fill(flat, Values.lastValid(history.toArray()));
      return Forecast.after(
          history,
          Values.nonNegative(flat),
          model(),
          "SEASONAL_PROFILE too little history: last value");
    }

    // The deviation continued by the regression; unknown regressors read as "on profile".
    double[] x = new double[coef.length];
    double[] fb = new double[ahead + 1];
    fb[0] = Math.expm1(orZero(profile[n - 1]) + orZero(d[n - 1]));
    for (int k = 1; k <= ahead; k++) {
      int i = n - 1 + k;
      regressors(dev, profile, m, i, x, true);
      dev.append(i, dot(coef, x));
      fb[k] = Math.expm1(orZero(profile[i]) + d[i]);
    }
    double[] f = Buckets.toInputSteps(fb, factor, steps);
    String description =
        String.format(
            "SEASONAL_PROFILE season=%s %s coefficients=%s bucket=%s",
            seasonNote, settings, formatCoefficients(coef), Values.formatDuration(buckets.step()));
    return Forecast.after(history, Values.nonNegative(f), model(), description);
  }

  private static double[] logOf(double[] y) {
    double[] z = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      z[i] = Double.isNaN(y[i]) ? Double.NaN : Math.log1p(Math.max(0, y[i]));
    }
    return z;
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  /**
   * Without a season the profile is the mean log level, so the deviations are centred and a gap
   * reads as it.
   */
  private static double[] flat(double[] z, int length) {
    double[] out = new double[length];
    Arrays.fill(out, Values.mean(z, 0, z.length));
    return out;
  }

  /**
   * Profile for buckets {@code 0 .. n + ahead - 1}: the median, over the previous seasons, of the
   * mean log value around the same seasonal position (never at or after the bucket itself, never
   * beyond the history); NaN where no earlier season has a value. Window means come from prefix
   * sums, so the profile costs O(n x profileDays).
   */
  private double[] profile(double[] z, int m, int ahead) {
    int n = z.length;
    int w = Math.min(settings.neighbours(), (m - 1) / 2);
    double[] sum = new double[n + 1];
    int[] count = new int[n + 1];
    for (int i = 0; i < n; i++) {
      boolean valid = !Double.isNaN(z[i]);
      sum[i + 1] = sum[i] + (valid ? z[i] : 0);
      count[i + 1] = count[i] + (valid ? 1 : 0);
    }
    double[] out = new double[n + ahead];
    double[] days = new double[settings.profileDays()];
    for (int i = 0; i < out.length; i++) {
      int found = 0;
      for (int k = 1; k <= settings.profileDays() && i - k * m + w >= 0; k++) {
        int from = Math.max(0, i - k * m - w);
        int to = Math.min(n, i - k * m + w + 1);
        if (to > from && count[to] > count[from]) {
          days[found++] = (sum[to] - sum[from]) / (count[to] - count[from]);
        }
      }
      out[i] = found == 0 ? Double.NaN : median(days, found);
    }
    return out;
  }

  /**
   * Median of the first {@code count} values, sorting them in place (a week's worth: insertion
   * sort).
   */
  private static double median(double[] values, int count) {
    for (int i = 1; i < count; i++) {
      double v = values[i];
      int j = i - 1;
      for (; j >= 0 && values[j] > v; j--) {
        values[j + 1] = values[j];
      }
      values[j + 1] = v;
    }
    int mid = count / 2;
    return count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  /**
   * Regressors of bucket {@code i}'s deviation: 1, the last {@code arOrder} deviations, the
   * deviation a season ({@code m} buckets) earlier if {@code dailyLag} (0 without a season), their
   * mean over each level window, the profile at i and its slope into i. Returns false if one is
   * unknown, unless {@code fill}, which reads unknowns as 0 (on profile).
   */
  private boolean regressors(
      Deviations dev, double[] profile, int m, int i, double[] x, boolean fill) {
    double[] d = dev.values;
    int at = 0;
    x[at++] = 1;
    for (int j = 1; j <= settings.arOrder(); j++) {
      x[at++] = i - j >= 0 ? d[i - j] : Double.NaN;
    }
    if (settings.dailyLag()) {
      x[at++] = m == 0 ? 0 : i - m >= 0 ? d[i - m] : Double.NaN;
    }
    for (int window : settings.levelWindows()) {
      x[at++] = dev.mean(Math.max(0, i - window), i);
    }
    x[at++] = profile[i];
    x[at] = i >= 1 ? profile[i] - profile[i - 1] : Double.NaN;
    for (int j = 0; j < x.length; j++) {
      if (Double.isNaN(x[j])) {
        if (!fill) {
          return false;
        }
        x[j] = 0;
      }
    }
    return true;
  }

  /**
   * Least squares of the known deviations {@code d[0 .. n)} on their regressors; null with too few
   * rows.
   */
  private double[] fit(Deviations dev, int n, double[] profile, int m) {
    double[] d = dev.values;
    int p = settings.regressors();
    double[][] a = new double[p][p];
    double[] b = new double[p];
    double[] x = new double[p];
    int rows = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(d[i]) || !regressors(dev, profile, m, i, x, false)) {
        continue;
      }
      for (int r = 0; r < p; r++) {
        b[r] += x[r] * d[i];
        for (int c = 0; c < p; c++) {
          a[r][c] += x[r] * x[c];
        }
      }
      rows++;
    }
    if (rows < ROWS_PER_REGRESSOR * p) {
      return null;
    }
    for (int r = 0; r < p; r++) {
      a[r][r] += RIDGE * rows;
    }
    return solve(a, b);
  }

  /**
   * Deviations from the profile with prefix sums over the known ones, so a window mean costs O(1).
   */
  private static final class Deviations {
    final double[] values;
    final double[] sum;
    final int[] count;

    Deviations(double[] values, int known) {
      this.values = values;
      this.sum = new double[values.length + 1];
      this.count = new int[values.length + 1];
      for (int i = 0; i < known; i++) {
        accumulate(i);
      }
    }

    /** Sets the deviation at {@code i}, the next one after those known. */
    void append(int i, double v) {
      values[i] = v;
      accumulate(i);
    }

    private void accumulate(int i) {
      boolean valid = !Double.isNaN(values[i]);
      sum[i + 1] = sum[i] + (valid ? values[i] : 0);
      count[i + 1] = count[i] + (valid ? 1 : 0);
    }

    /** Mean of the known values in {@code [from, to)}, NaN if there are none. */
    double mean(int from, int to) {
      int c = count[to] - count[from];
      return c == 0 ? Double.NaN : (sum[to] - sum[from]) / c;
    }
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += a[j] * b[j];
    }
    return sum;
  }

  /**
   * Gaussian elimination with partial pivoting on a small dense system; a singular one gives null.
   */
  private static double[] solve(double[][] a, double[] b) {
    int p = b.length;
    for (int col = 0; col < p; col++) {
      int pivot = col;
      for (int r = col + 1; r < p; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(a[pivot][col]) < 1e-12) {
        return null;
      }
      double[] rowSwap = a[col];
      a[col] = a[pivot];
      a[pivot] = rowSwap;
      double bSwap = b[col];
      b[col] = b[pivot];
      b[pivot] = bSwap;
      for (int r = col + 1; r < p; r++) {
        double factor = a[r][col] / a[col][col];
        for (int c = col; c < p; c++) {
          a[r][c] -= factor * a[col][c];
        }
        b[r] -= factor * b[col];
      }
    }
    double[] x = new double[p];
    for (int r = p - 1; r >= 0; r--) {
      double sum = b[r];
      for (int c = r + 1; c < p; c++) {
        sum -= a[r][c] * x[c];
      }
      x[r] = sum / a[r][r];
    }
    return x;
  }

  private static String formatCoefficients(double[] coef) {
    StringBuilder s = new StringBuilder("[");
    for (int j = 0; j < coef.length; j++) {
      s.append(j > 0 ? " " : "").append(String.format("%.3f", coef[j]));
    }
    return s.append(']').toString();
  }
}
