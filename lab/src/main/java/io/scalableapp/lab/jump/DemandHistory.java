package io.scalableapp.lab.jump;

import io.scalableapp.engine.replay.trace.Trace;

/** Running means of observed demand over trailing windows, in O(1) per query (prefix sums). */
final class DemandHistory {

  private final Trace trace;
  private final double[] sum;
  private final int[] count;

  DemandHistory(Trace trace) {
    this.trace = trace;
    int n = trace.length();
    sum = new double[n + 1];
    count = new int[n + 1];
    for (int i = 0; i < n; i++) {
      boolean observed = trace.observed(i);
      sum[i + 1] = sum[i] + (observed ? trace.demand(i) : 0);
      count[i + 1] = count[i] + (observed ? 1 : 0);
    }
  }

  /** Mean observed demand over minutes {@code [m - minutes, m)}; NaN when none is observed. */
  double meanBefore(int m, int minutes) {
    int from = Math.max(0, m - minutes);
    int to = Math.max(from, Math.min(m, trace.length()));
    int n = count[to] - count[from];
    return n == 0 ? Double.NaN : (sum[to] - sum[from]) / n;
  }

  /** Largest observed demand over {@code [from, to)}; NaN if any minute is masked. */
  double peakIfObserved(int from, int to) {
    double peak = 0;
    for (int i = Math.max(0, from); i < Math.min(to, trace.length()); i++) {
      if (!trace.observed(i)) {
        return Double.NaN;
      }
      peak = Math.max(peak, trace.demand(i));
    }
    return peak;
  }
}
