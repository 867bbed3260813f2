package io.scalableapp.engine.forecast;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.series.Steps;
import java.time.Duration;

/**
 * Fitting at a coarser bucket and reading the forecast back at the input resolution, shared by the
 * models that learn a daily shape: at 1-minute steps a day has 1440 seasonal positions that each
 * see one noisy sample a day, at 5-minute buckets 288 that each see five.
 */
final class Buckets {

  private Buckets() {}

  /** Input steps per bucket; 1 when the input is already at least as coarse as {@code bucket}. */
  static int factor(Duration bucket, Series history) {
    return bucket.compareTo(history.step()) > 0 ? Steps.nearest(bucket, history.step()) : 1;
  }

  /**
   * Buckets ahead a model must forecast to cover {@code steps} input steps (see {@link
   * #toInputSteps}).
   */
  static int bucketsAhead(int factor, int steps) {
    double half = (factor - 1) / 2.0;
    return (int) Math.ceil((steps + half) / factor) + 1;
  }

  /**
   * Interpolates bucket forecasts between bucket centres: {@code fb[0]} is the model's value for
   * the newest bucket itself, {@code fb[k]} the one k buckets later. Bucket k's centre sits
   * (factor-1)/2 input steps before its last point, so input step s after the history's end lies at
   * bucket position (s + (factor-1)/2) / factor.
   */
  static double[] toInputSteps(double[] fb, int factor, int steps) {
    double half = (factor - 1) / 2.0;
    double[] f = new double[steps];
    for (int s = 1; s <= steps; s++) {
      double pos = (s + half) / factor;
      int k = (int) pos;
      double frac = pos - k;
      f[s - 1] = fb[k] * (1 - frac) + fb[k + 1] * frac;
    }
    return f;
  }
}
