package io.scalableapp.engine.testing;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/** Hand-built 1-minute demand series for tests. */
public final class SyntheticSeries {

  public static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  public static final Duration MINUTE = Duration.ofMinutes(1);
  public static final int DAY = 1440;

  private SyntheticSeries() {}

  public static Series of(int minutes, IntToDoubleFunction valueAtMinute) {
    double[] v = new double[minutes];
    for (int i = 0; i < minutes; i++) {
      v[i] = valueAtMinute.applyAsDouble(i);
    }
    return Series.of(T0, MINUTE, v);
  }

  public static Series flat(int minutes, double level) {
    return of(minutes, i -> level);
  }

  public static Series ramp(int minutes, double start, double perMinute) {
    return of(minutes, i -> start + perMinute * i);
  }

  /** Daily sine: mean {@code level}, swing +-{@code amplitude}, trough at midnight. */
  public static double dailySine(int minute, double level, double amplitude) {
    return level - amplitude * Math.cos(2 * Math.PI * minute / DAY);
  }

  public static Series dailySine(
      int minutes, double level, double amplitude, double noise, long seed) {
    Random random = new Random(seed);
    return of(
        minutes, i -> Math.max(0, dailySine(i, level, amplitude) + noise * random.nextGaussian()));
  }
}
