package io.scalableapp.lab.trace;

import io.scalableapp.engine.replay.trace.Trace;

/**
 * Fills masked minutes by straight lines between the observed neighbours, as the published NASA
 * protocol does for the outage. Only for protocols that need a gap-free series; the lab's own
 * scoring masks instead.
 */
public final class GapInterpolation {

  private GapInterpolation() {}

  public static double[] interpolate(Trace trace) {
    int n = trace.length();
    double[] filled = new double[n];
    int lastObserved = -1;
    for (int i = 0; i < n; i++) {
      if (!trace.observed(i)) {
        continue;
      }
      filled[i] = trace.demand(i);
      if (lastObserved >= 0 && i - lastObserved > 1) {
        double a = trace.demand(lastObserved);
        double b = trace.demand(i);
        for (int j = lastObserved + 1; j < i; j++) {
          filled[j] = a + (b - a) * (j - lastObserved) / (i - lastObserved);
        }
      } else if (lastObserved < 0) {
        java.util.Arrays.fill(filled, 0, i, trace.demand(i));
      }
      lastObserved = i;
    }
    for (int j = lastObserved + 1; j < n; j++) {
      filled[j] = lastObserved >= 0 ? trace.demand(lastObserved) : 0;
    }
    return filled;
  }
}
