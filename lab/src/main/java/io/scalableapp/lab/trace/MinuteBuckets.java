package io.scalableapp.lab.trace;

import io.scalableapp.engine.replay.trace.Trace;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * Turns samples of any resolution into demand per minute by spreading each sample's requests evenly
 * over the time it covers. Keeps, per minute, how much of it some sample covered, so a source that
 * leaves out quiet intervals (logs) and one that leaves out unknown intervals (Prometheus) can each
 * read an uncovered minute their own way.
 */
final class MinuteBuckets {

  private static final long MINUTE_MS = 60_000;

  /** Ten years of minutes: a longer span means a timestamp is wrong, not that the trace is long. */
  private static final long MAX_MINUTES = 10L * 366 * 1440;

  private final long firstMinute;
  private final double[] requests;
  private final double[] coveredMs;
  private final boolean uncoveredIsZero;

  private MinuteBuckets(long firstMinute, int minutes, boolean uncoveredIsZero) {
    this.firstMinute = firstMinute;
    this.requests = new double[minutes];
    this.coveredMs = new double[minutes];
    this.uncoveredIsZero = uncoveredIsZero;
  }

  /**
   * Request counts per row, each row covering {@code [t, t + interval)} where the interval is the
   * smallest spacing between rows. Rows a minute or less apart are summed into their own minute.
   */
  static MinuteBuckets ofCounts(List<TraceLoader.TimedValue> rows) {
    List<TraceLoader.TimedValue> sorted = sorted(rows);
    long interval = Math.max(MINUTE_MS, smallestSpacing(sorted));
    long first = Math.floorDiv(sorted.get(0).epochMillis(), MINUTE_MS);
    long end = sorted.get(sorted.size() - 1).epochMillis() + interval;
    if (interval == MINUTE_MS) {
      end = (Math.floorDiv(sorted.get(sorted.size() - 1).epochMillis(), MINUTE_MS) + 1) * MINUTE_MS;
    }
    MinuteBuckets buckets = new MinuteBuckets(first, span(first, end), true);
    for (TraceLoader.TimedValue row : sorted) {
      long start =
          interval == MINUTE_MS
              ? Math.floorDiv(row.epochMillis(), MINUTE_MS) * MINUTE_MS
              : row.epochMillis();
      buckets.spread(start, start + interval, row.value());
    }
    return buckets;
  }

  /**
   * Rates per second, each sample standing for the rate over the step {@code (t - step, t]} before
   * it, the step being the smallest spacing between samples (the query's step).
   */
  static MinuteBuckets ofRatesPerSecond(List<TraceLoader.TimedValue> samples) {
    List<TraceLoader.TimedValue> sorted = sorted(samples);
    long step = smallestSpacing(sorted);
    if (step == 0) {
      step = MINUTE_MS;
    }
    long firstStart = sorted.get(0).epochMillis() - step;
    long first = Math.floorDiv(firstStart, MINUTE_MS);
    long end = sorted.get(sorted.size() - 1).epochMillis();
    MinuteBuckets buckets = new MinuteBuckets(first, span(first, end), false);
    for (TraceLoader.TimedValue sample : sorted) {
      buckets.spread(
          sample.epochMillis() - step, sample.epochMillis(), sample.value() * step / 1000.0);
    }
    return buckets;
  }

  Trace toTrace(String name, List<TraceGap> gaps) {
    LocalDateTime start = LocalDateTime.ofEpochSecond(firstMinute * 60, 0, ZoneOffset.UTC);
    double[] demand = new double[requests.length];
    boolean[] observed = new boolean[requests.length];
    for (int i = 0; i < requests.length; i++) {
      LocalDateTime minute = start.plusMinutes(i);
      boolean covered = coveredMs[i] > 0;
      observed[i] =
          (covered || uncoveredIsZero) && gaps.stream().noneMatch(g -> g.contains(minute));
      // A partly covered minute of a rate series is read at its covered mean rate; a log's
      // uncovered part
      // of a minute had no requests.
      demand[i] =
          !covered ? 0 : uncoveredIsZero ? requests[i] : requests[i] * MINUTE_MS / coveredMs[i];
    }
    return new Trace(name, start, demand, observed);
  }

  private void spread(long fromMs, long toMs, double count) {
    double perMs = count / (toMs - fromMs);
    for (long m = Math.floorDiv(fromMs, MINUTE_MS); m * MINUTE_MS < toMs; m++) {
      long overlap = Math.min(toMs, (m + 1) * MINUTE_MS) - Math.max(fromMs, m * MINUTE_MS);
      int i = (int) (m - firstMinute);
      requests[i] += perMs * overlap;
      coveredMs[i] += overlap;
    }
  }

  private static List<TraceLoader.TimedValue> sorted(List<TraceLoader.TimedValue> values) {
    return values.stream()
        .sorted(Comparator.comparingLong(TraceLoader.TimedValue::epochMillis))
        .toList();
  }

  /**
   * Smallest positive distance between consecutive timestamps; 0 when there is a single timestamp.
   */
  private static long smallestSpacing(List<TraceLoader.TimedValue> sorted) {
    long smallest = Long.MAX_VALUE;
    for (int i = 1; i < sorted.size(); i++) {
      long d = sorted.get(i).epochMillis() - sorted.get(i - 1).epochMillis();
      if (d > 0) {
        smallest = Math.min(smallest, d);
      }
    }
    return smallest == Long.MAX_VALUE ? 0 : smallest;
  }

  private static int span(long firstMinute, long endMs) {
    long minutes = Math.floorDiv(endMs + MINUTE_MS - 1, MINUTE_MS) - firstMinute;
    if (minutes > MAX_MINUTES) {
      throw new IllegalArgumentException(
          "the trace spans "
              + minutes
              + " minutes (more than ten years): "
              + "check the timestamps");
    }
    return (int) Math.max(1, minutes);
  }
}
