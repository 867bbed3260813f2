package io.scalableapp.engine.forecast;

import java.time.Duration;

/** Small NaN-aware array helpers shared by the forecasters. */
final class Values {

  private Values() {}

  /** Last non-NaN value, or 0 when there is none (no evidence of demand). */
  static double lastValid(double[] y) {
    for (int i = y.length - 1; i >= 0; i--) {
      if (!Double.isNaN(y[i])) {
        return y[i];
      }
    }
    return 0;
  }

  /** Mean of the non-NaN values in {@code [from, to)}, NaN if there are none. */
  static double mean(double[] y, int from, int to) {
    double sum = 0;
    int n = 0;
    for (int i = from; i < to; i++) {
      if (!Double.isNaN(y[i])) {
        sum += y[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Demand cannot be negative; a model extrapolating below zero is clamped rather than trusted. */
  static double[] nonNegative(double[] f) {
    for (int i = 0; i < f.length; i++) {
      f[i] = Double.isNaN(f[i]) ? 0 : Math.max(0, f[i]);
    }
    return f;
  }

  static String formatDuration(Duration d) {
    if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
      return d.toDays() + "d";
    }
    if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
      return d.toMinutes() + "m";
    }
    return d.toSeconds() + "s";
  }
}
