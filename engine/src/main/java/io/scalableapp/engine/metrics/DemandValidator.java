package io.scalableapp.engine.metrics;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether fetched demand is trustworthy enough to scale on.
 *
 * <p>A point is <em>invalid</em> when it is negative, infinite, or <em>absurd</em>: larger than
 * {@code absurdFactor} times the larger of the highest valid value seen earlier in the same series
 * and {@code targetPerReplica} (the second term keeps a near-idle app from flagging its first real
 * traffic). Invalid points are masked as missing. The data as a whole is <em>unavailable</em> when
 * it is empty, when an invalid point falls inside the freshness window ({@code staleAfter} before
 * now: the newest data is exactly what we would act on), or when that window holds no valid point
 * at all (the series stopped). Masked points further back only become gaps the forecasters already
 * handle.
 */
public final class DemandValidator {

  private final Duration staleAfter;
  private final double absurdFactor;

  public DemandValidator(Duration staleAfter, double absurdFactor) {
    this.staleAfter = staleAfter;
    this.absurdFactor = absurdFactor;
  }

  public DemandCheck check(Series raw, Instant now, double targetPerReplica) {
    if (raw == null || raw.isEmpty()) {
      return DemandCheck.unavailable(raw, 0, "demand source returned no data");
    }
    int firstFresh = raw.firstIndexAfter(now.minus(staleAfter));
    double[] y = raw.toArray();
    double runningMax = 0;
    int masked = 0;
    String freshProblem = null;
    boolean freshValid = false;
    for (int i = 0; i < y.length; i++) {
      double v = y[i];
      if (Double.isNaN(v)) {
        continue;
      }
      String problem = classify(v, absurdFactor * Math.max(runningMax, targetPerReplica));
      boolean fresh = i >= firstFresh;
      if (problem != null) {
        y[i] = Double.NaN;
        masked++;
        if (fresh && freshProblem == null) {
          freshProblem = problem + " value " + v + " at " + raw.timeAt(i);
        }
      } else {
        runningMax = Math.max(runningMax, v);
        freshValid |= fresh;
      }
    }
    Series cleaned = Series.of(raw.start(), raw.step(), y);
    if (freshProblem != null) {
      return DemandCheck.unavailable(cleaned, masked, freshProblem);
    }
    if (!freshValid) {
      return DemandCheck.unavailable(
          cleaned,
          masked,
          "no valid demand sample in the last " + staleAfter + " (newest point " + raw.end() + ")");
    }
    String note = masked == 0 ? "" : masked + " invalid older sample(s) treated as missing";
    return new DemandCheck(true, cleaned, masked, note);
  }

  private static String classify(double v, double absurdLimit) {
    if (Double.isInfinite(v)) {
      return "infinite";
    }
    if (v < 0) {
      return "negative";
    }
    if (v > absurdLimit) {
      return "absurd (> " + absurdLimit + ")";
    }
    return null;
  }
}
