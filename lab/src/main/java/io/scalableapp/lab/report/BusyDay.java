package io.scalableapp.lab.report;

import io.scalableapp.engine.replay.trace.Trace;
import java.time.LocalTime;

/** The whole calendar day, inside a range of minutes, that carried the most requests. */
public final class BusyDay {

  private static final int DAY = 1440;

  private BusyDay() {}

  /**
   * First minute of the busiest complete day in {@code [from, to)}; {@code from} if no whole day
   * fits.
   */
  public static int find(Trace trace, int from, int to) {
    int firstMidnight = from;
    while (firstMidnight < to
        && !trace.minute(firstMidnight).toLocalTime().equals(LocalTime.MIDNIGHT)) {
      firstMidnight++;
    }
    int best = from;
    double bestTotal = -1;
    for (int day = firstMidnight; day + DAY <= to; day += DAY) {
      double total = 0;
      for (int m = day; m < day + DAY; m++) {
        total += trace.demand(m);
      }
      if (total > bestTotal) {
        bestTotal = total;
        best = day;
      }
    }
    return best;
  }
}
