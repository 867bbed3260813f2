package io.scalableapp.lab.trace;

import io.scalableapp.engine.replay.trace.Trace;
import java.time.Instant;
import java.util.Locale;

/**
 * A trace as a user's Prometheus would hold it, for promtool's backfill in tests and demos: each
 * observed minute's count as a rate per second, stamped at the minute's end (as {@code rate()} over
 * a 1m step reads it), in OpenMetrics text. Masked minutes have no sample.
 */
public final class OpenMetricsBackfill {

  private OpenMetricsBackfill() {}

  /**
   * The minutes from {@code from} (inclusive) to {@code to} (exclusive) as the gauge {@code
   * metric}.
   */
  public static String ratesPerSecond(Trace trace, String metric, Instant from, Instant to) {
    StringBuilder om = new StringBuilder("# TYPE " + metric + " gauge\n");
    for (int i = trace.indexOf(from); i < trace.indexOf(to); i++) {
      if (trace.observed(i)) {
        om.append(
            String.format(
                Locale.ROOT,
                "%s %.6f %d%n",
                metric,
                trace.demand(i) / 60.0,
                trace.instant(i).plusSeconds(60).getEpochSecond()));
      }
    }
    return om.append("# EOF\n").toString();
  }
}
