package io.scalableapp.lab.jump;

import io.scalableapp.engine.floor.SlidingQuantile;
import io.scalableapp.engine.replay.trace.Trace;
import java.util.Locale;

/**
 * A short-term (minutes-ahead) quantile forecast of the demand peak. For every past minute k whose
 * outcome is known, it scores the jump ratio r(k) = peak of demand over the horizon starting at k /
 * mean demand of the {@code levelMinutes} before k. The floor at minute m is the {@code quantile}
 * of the ratios of the last {@code historyMinutes} anchors times the current level: spare capacity
 * where demand has lately been jumpy, none where it has been smooth.
 */
public record ShortTermQuantileFloor(double quantile, int historyMinutes, int levelMinutes)
    implements JumpFloor {

  /** Fewer scored anchors than this and the floor stays at 1: no evidence yet. */
  static final int MIN_ANCHORS = 30;

  @Override
  public String label() {
    return String.format(
        Locale.ROOT,
        "short-term p%s of %s, level %d min",
        percent(quantile),
        historyMinutes % 60 == 0 ? historyMinutes / 60 + " h" : historyMinutes + " min",
        levelMinutes);
  }

  @Override
  public int[] floors(
      Trace trace, int from, int to, double capacityPerReplica, int horizonMinutes) {
    DemandHistory history = new DemandHistory(trace);
    SlidingQuantile ratios = new SlidingQuantile(historyMinutes);
    int[] floors = new int[to - from];
    // Anchor k is complete once minute k + horizon - 1 is, i.e. at minute k + horizon.
    for (int k = from - horizonMinutes - historyMinutes; k < from - horizonMinutes; k++) {
      ratios.add(ratio(history, k, horizonMinutes));
    }
    for (int m = from; m < to; m++) {
      ratios.add(ratio(history, m - horizonMinutes, horizonMinutes));
      double level = history.meanBefore(m, levelMinutes);
      floors[m - from] =
          ratios.size() < MIN_ANCHORS || !(level > 0)
              ? 1
              : JumpFloor.replicasFor(ratios.quantile(quantile) * level, capacityPerReplica);
    }
    return floors;
  }

  private double ratio(DemandHistory history, int k, int horizon) {
    if (k - levelMinutes < 0) {
      return Double.NaN;
    }
    double level = history.meanBefore(k, levelMinutes);
    double peak = history.peakIfObserved(k, k + horizon);
    return level > 0 && !Double.isNaN(peak) ? peak / level : Double.NaN;
  }

  private static String percent(double q) {
    double p = q * 100;
    return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
  }
}
