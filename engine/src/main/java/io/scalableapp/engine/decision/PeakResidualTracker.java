package io.scalableapp.engine.decision;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the actual demand peak over each past horizon exceeded the forecast peak the floor was
 * sized on, scored the honest way: each forecast peak for {@code (from, until]} is remembered and
 * scored only once a later fetch holds actuals up to {@code until}. The residual is relative,
 * {@code actualPeak / forecastPeak - 1}, so an upper quantile of recent residuals is the margin
 * that would have covered that share of recent horizons: a prediction interval learned at run time
 * from the app's own errors (wide for noisy series, narrow for smooth ones).
 */
public final class PeakResidualTracker {

  private record Horizon(Instant from, double predictedPeak) {}

  /** A horizon whose actual peak has not fully arrived yet. */
  public record PendingPeak(Instant from, Instant until, double predictedPeak) {}

  /** A scored horizon: {@code actualPeak / forecastPeak - 1}. */
  public record ScoredPeak(Instant until, double residual) {
    public ScoredPeak {
      if (!Double.isFinite(residual)) {
        throw new IllegalArgumentException("a peak residual must be finite, was " + residual);
      }
    }
  }

  private final DeferredScores<Horizon, Double> horizons = new DeferredScores<>();

  /** A tracker continuing from horizons and residuals kept elsewhere (a snapshot). */
  public static PeakResidualTracker restored(List<ScoredPeak> scored, List<PendingPeak> pending) {
    PeakResidualTracker t = new PeakResidualTracker();
    scored.forEach(s -> t.horizons.restoreScored(s.until(), s.residual()));
    pending.forEach(p -> t.expect(p.from(), p.until(), p.predictedPeak()));
    return t;
  }

  public List<ScoredPeak> scored() {
    List<ScoredPeak> out = new ArrayList<>();
    horizons.forEachScored((until, residual) -> out.add(new ScoredPeak(until, residual)));
    return List.copyOf(out);
  }

  public List<PendingPeak> pending() {
    List<PendingPeak> out = new ArrayList<>();
    horizons.forEachPending(
        (until, h) -> out.add(new PendingPeak(h.from(), until, h.predictedPeak())));
    return List.copyOf(out);
  }

  /**
   * Remembers that the demand peak over {@code (from, until]} was forecast as {@code
   * predictedPeak}.
   */
  public void expect(Instant from, Instant until, double predictedPeak) {
    if (!(predictedPeak > 0) || Double.isInfinite(predictedPeak)) {
      return; // a relative residual of a zero forecast means nothing
    }
    horizons.expect(until, new Horizon(from, predictedPeak));
  }

  /**
   * Scores every remembered horizon that {@code actuals} covers completely; drops ones that can no
   * longer be.
   */
  public void reconcile(Series actuals) {
    horizons.reconcile(
        actuals,
        (until, h, a) -> {
          double peak = Double.NaN;
          for (int i = a.firstIndexAfter(h.from());
              i < a.size() && !a.timeAt(i).isAfter(until);
              i++) {
            double v = a.get(i);
            if (!Double.isNaN(v) && (Double.isNaN(peak) || v > peak)) {
              peak = v;
            }
          }
          return Double.isNaN(peak) ? null : peak / h.predictedPeak() - 1;
        });
  }

  /** Forgets residuals of horizons that ended at or before {@code now - window}. */
  public void trim(Instant now, Duration window) {
    horizons.trim(now, window);
  }

  /**
   * The {@code q}-quantile of the scored residuals (nearest rank, so always an observed residual),
   * NaN when nothing is scored.
   */
  public double quantile(double q) {
    double[] r = horizons.scores().mapToDouble(Double::doubleValue).sorted().toArray();
    if (r.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * r.length);
    return r[Math.max(0, Math.min(r.length - 1, rank - 1))];
  }

  public int samples() {
    return horizons.samples();
  }
}
