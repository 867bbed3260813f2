package io.scalableapp.engine.replay.trace;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A trace as the engine's metrics would show it: one point per minute, masked minutes NaN (missing,
 * never zero), and each minute's count stamped at the minute's <em>end</em>, when it is complete. A
 * Prometheus rate at time t likewise covers the window ending at t; stamping at the start would
 * leak up to a minute of the future into a replay.
 */
public final class TraceRecording {

  private TraceRecording() {}

  public static Series of(Trace trace) {
    double[] values = new double[trace.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = trace.observed(i) ? trace.demand(i) : Double.NaN;
    }
    return Series.of(trace.instant(0).plus(Duration.ofMinutes(1)), Duration.ofMinutes(1), values);
  }

  /**
   * The inverse: demand as the engine's metrics hold it (each point the rate over the step ending
   * at its timestamp, missing points NaN) as a per-minute trace. A minute is the mean of the points
   * within it, or the value of the one longer step that covers it; a minute no point covers is
   * masked. The step must divide a minute or be whole minutes, and the series lie on the step grid,
   * as the engine's queries do.
   */
  public static Trace toTrace(String name, Series series) {
    long stepSeconds = series.step().toSeconds();
    boolean divides = stepSeconds > 0 && 60 % stepSeconds == 0;
    if (series.isEmpty()
        || !(divides || stepSeconds % 60 == 0)
        || series.step().toNanosPart() != 0) {
      throw new IllegalArgumentException(
          "cannot replay "
              + series.size()
              + " points at step "
              + series.step()
              + ": the step must divide a minute or be whole minutes");
    }
    Instant first = series.start().minus(series.step());
    long origin = Math.floorDiv(first.getEpochSecond(), 60) * 60;
    int minutes = (int) Math.floorDiv(series.end().getEpochSecond() - origin + 59, 60);
    double[] sum = new double[minutes];
    int[] count = new int[minutes];
    for (int i = 0; i < series.size(); i++) {
      double v = series.get(i);
      if (Double.isNaN(v)) {
        continue;
      }
      long coveredFrom = series.timeAt(i).getEpochSecond() - stepSeconds;
      for (long t = coveredFrom; t < coveredFrom + Math.max(stepSeconds, 1); t += 60) {
        int m = (int) ((t - origin) / 60);
        sum[m] += v;
        count[m]++;
      }
    }
    double[] demand = new double[minutes];
    boolean[] observed = new boolean[minutes];
    for (int m = 0; m < minutes; m++) {
      observed[m] = count[m] > 0;
      demand[m] = observed[m] ? sum[m] / count[m] : 0;
    }
    return new Trace(
        name, LocalDateTime.ofEpochSecond(origin, 0, ZoneOffset.UTC), demand, observed);
  }
}
