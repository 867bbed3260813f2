package io.scalableapp.engine.series;

import java.time.Duration;

/** Converts durations to whole numbers of series steps. */
public final class Steps {

  private Steps() {}

  /** Smallest number of steps that covers {@code span} (at least 1). */
  public static int covering(Duration span, Duration step) {
    long nanos = step.toNanos();
    long n = (span.toNanos() + nanos - 1) / nanos;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, n));
  }

  /** Nearest whole number of steps in {@code span} (at least 1). */
  public static int nearest(Duration span, Duration step) {
    return (int) Math.max(1, Math.round((double) span.toNanos() / step.toNanos()));
  }
}
