package io.scalableapp.engine.series;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, regularly spaced time series: point {@code i} is at {@code start + i * step}.
 * Missing samples are {@link Double#NaN}; every consumer in the engine treats NaN as "unknown",
 * never as zero, so gaps in the metrics cannot be mistaken for zero demand.
 */
public final class Series {

  private final Instant start;
  private final Duration step;
  private final double[] values;

  private Series(Instant start, Duration step, double[] values) {
    this.start = Objects.requireNonNull(start, "start");
    this.step = Objects.requireNonNull(step, "step");
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("step must be positive: " + step);
    }
    this.values = values;
  }

  /** Copies {@code values}; later changes to the array do not affect the series. */
  public static Series of(Instant start, Duration step, double... values) {
    return new Series(start, step, values.clone());
  }

  public static Series empty(Instant start, Duration step) {
    return new Series(start, step, new double[0]);
  }

  public Instant start() {
    return start;
  }

  public Duration step() {
    return step;
  }

  public int size() {
    return values.length;
  }

  public boolean isEmpty() {
    return values.length == 0;
  }

  public double get(int i) {
    return values[i];
  }

  public Instant timeAt(int i) {
    return start.plus(step.multipliedBy(i));
  }

  /** Time of the last point; for an empty series, the point before {@link #start()}. */
  public Instant end() {
    return timeAt(values.length - 1);
  }

  /** A copy of the values, for number crunching without per-point method calls. */
  public double[] toArray() {
    return values.clone();
  }

  /** Points {@code [from, to)}. */
  public Series slice(int from, int to) {
    Objects.checkFromToIndex(from, to, values.length);
    return new Series(timeAt(from), step, Arrays.copyOfRange(values, from, to));
  }

  /** The last {@code n} points (all of them if the series is shorter). */
  public Series tail(int n) {
    return slice(Math.max(0, values.length - n), values.length);
  }

  /**
   * Index of the point nearest to {@code time}, or -1 when no point lies within half a step.
   * Tolerant on purpose: callers compare timestamps from queries that may not be step-aligned.
   */
  public int indexNear(Instant time) {
    double offsetSteps = (double) Duration.between(start, time).toNanos() / step.toNanos();
    long i = Math.round(offsetSteps);
    if (i < 0 || i >= values.length || Math.abs(offsetSteps - i) > 0.5) {
      return -1;
    }
    return (int) i;
  }

  /** Index of the first point strictly after {@code time} ({@link #size()} if there is none). */
  public int firstIndexAfter(Instant time) {
    long nanos = Duration.between(start, time).toNanos();
    long i = Math.floorDiv(nanos, step.toNanos()) + 1;
    return (int) Math.max(0, Math.min(values.length, i));
  }

  /** Number of points that are not NaN. */
  public int validCount() {
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Averages consecutive groups of {@code factor} points, ignoring NaN (a group with no valid point
   * stays NaN). Groups are aligned to the <em>end</em> so the newest data always forms a complete
   * bucket; up to {@code factor - 1} of the oldest points are dropped. Each bucket is stamped with
   * the time of its first point.
   */
  public Series downsample(int factor) {
    if (factor < 1) {
      throw new IllegalArgumentException("factor must be >= 1: " + factor);
    }
    if (factor == 1) {
      return this;
    }
    int buckets = values.length / factor;
    int offset = values.length - buckets * factor;
    double[] out = new double[buckets];
    for (int b = 0; b < buckets; b++) {
      double sum = 0;
      int count = 0;
      for (int i = offset + b * factor, end = i + factor; i < end; i++) {
        double v = values[i];
        if (!Double.isNaN(v)) {
          sum += v;
          count++;
        }
      }
      out[b] = count == 0 ? Double.NaN : sum / count;
    }
    return new Series(timeAt(offset), step.multipliedBy(factor), out);
  }

  /** Equal when start, step and every value (NaN equal to NaN) are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Series s
        && start.equals(s.start)
        && step.equals(s.step)
        && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, step, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "Series[start=" + start + ", step=" + step + ", size=" + values.length + "]";
  }
}
