package io.scalableapp.engine.floor;

/**
 * A {@link NoiseFloorRule} replayed minute by minute over recorded demand, the way a search over an
 * app's held history (or the lab) scores it: at the start of minute m the rule knows the demand of
 * minutes before m only, so the anchor whose span ends at m is scored then, and the margin is the
 * quantile of the last {@code residualMinutes} scored anchors. O(residualMinutes) per minute.
 */
public final class NoiseFloorReplay {

  private NoiseFloorReplay() {}

  /**
   * The demand to hold at every minute of {@code [from, to)} (index {@code m - from}); NaN while
   * fewer than {@link NoiseFloorRule#MIN_SAMPLES} anchors are scored or the reference is unknown.
   *
   * @param reference per minute: the forecast peak over the rule's span made before that minute, or
   *     the recent level ({@link #recentLevels}); NaN = none
   * @param demand per minute, NaN = not observed
   * @param leadMinutes the lead (pod ready time plus margin) the span starts with
   * @param residualMinutes how many past anchors the quantile is taken over
   */
  public static double[] cover(
      NoiseFloorRule rule,
      double[] reference,
      double[] demand,
      int from,
      int to,
      int leadMinutes,
      int residualMinutes) {
    int span = rule.spanMinutes(leadMinutes);
    SlidingQuantile errors = new SlidingQuantile(residualMinutes);
    // Anchor k's span [k, k + span) is complete at the start of minute k + span.
    for (int k = from - span - residualMinutes; k < from - span; k++) {
      errors.add(error(rule, reference, demand, k, span));
    }
    double[] cover = new double[to - from];
    for (int m = from; m < to; m++) {
      errors.add(error(rule, reference, demand, m - span, span));
      double r = at(reference, m);
      cover[m - from] =
          errors.size() < NoiseFloorRule.MIN_SAMPLES || Double.isNaN(r)
              ? Double.NaN
              : rule.cover(r, errors.quantile(rule.quantile()));
    }
    return cover;
  }

  /**
   * The mean of the observed demand over the {@link NoiseFloorRule#LEVEL_WINDOW} before each
   * minute; NaN if none.
   */
  public static double[] recentLevels(double[] demand) {
    int window = (int) NoiseFloorRule.LEVEL_WINDOW.toMinutes();
    double[] levels = new double[demand.length];
    double sum = 0;
    int n = 0;
    for (int m = 0; m < demand.length; m++) {
      levels[m] = n == 0 ? Double.NaN : sum / n;
      if (!Double.isNaN(demand[m])) {
        sum += demand[m];
        n++;
      }
      int leaving = m - window;
      if (leaving >= 0 && !Double.isNaN(demand[leaving])) {
        sum -= demand[leaving];
        n--;
      }
    }
    return levels;
  }

  /**
   * The highest demand over {@code [from, from + span)}; NaN if any minute of it is unknown or
   * outside.
   */
  public static double peak(double[] demand, int from, int span) {
    if (from < 0 || from + span > demand.length) {
      return Double.NaN;
    }
    double peak = Double.NEGATIVE_INFINITY;
    for (int i = from; i < from + span; i++) {
      if (Double.isNaN(demand[i])) {
        return Double.NaN;
      }
      peak = Math.max(peak, demand[i]);
    }
    return peak;
  }

  private static double error(
      NoiseFloorRule rule, double[] reference, double[] demand, int k, int span) {
    return rule.standardised(at(reference, k), peak(demand, k, span));
  }

  private static double at(double[] values, int i) {
    return i < 0 || i >= values.length ? Double.NaN : values[i];
  }
}
