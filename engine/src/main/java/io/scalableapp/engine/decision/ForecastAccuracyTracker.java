package io.scalableapp.engine.decision;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolling forecast error measured the honest way: each forecast is remembered with the time it is
 * about, and scored only when the actual for that time has arrived in a later fetch. The error is
 * WAPE (sum|actual - forecast| / sum actual) over the window: a MAPE weighted by demand, so quiet
 * night-time minutes near zero cannot blow it up.
 */
public final class ForecastAccuracyTracker {

  private record PointError(double absError, double actual) {}

  /** A forecast still waiting for its actual. */
  public record PendingPoint(Instant due, double predicted) {}

  /** A scored forecast: how far off it was, and the actual it was judged against. */
  public record ScoredPoint(Instant due, double absError, double actual) {
    public ScoredPoint {
      if (!(absError >= 0)
          || !(actual >= 0)
          || Double.isInfinite(absError)
          || Double.isInfinite(actual)) {
        throw new IllegalArgumentException(
            "a scored forecast needs a finite error and actual >= 0, was "
                + absError
                + " and "
                + actual);
      }
    }
  }

  private final DeferredScores<Double, PointError> forecasts = new DeferredScores<>();

  /** A tracker continuing from forecasts and scores kept elsewhere (a snapshot). */
  public static ForecastAccuracyTracker restored(
      List<ScoredPoint> scored, List<PendingPoint> pending) {
    ForecastAccuracyTracker t = new ForecastAccuracyTracker();
    scored.forEach(
        s -> t.forecasts.restoreScored(s.due(), new PointError(s.absError(), s.actual())));
    pending.forEach(p -> t.expect(p.due(), p.predicted()));
    return t;
  }

  public List<ScoredPoint> scored() {
    List<ScoredPoint> out = new ArrayList<>();
    forecasts.forEachScored((due, e) -> out.add(new ScoredPoint(due, e.absError(), e.actual())));
    return List.copyOf(out);
  }

  public List<PendingPoint> pending() {
    List<PendingPoint> out = new ArrayList<>();
    forecasts.forEachPending((due, predicted) -> out.add(new PendingPoint(due, predicted)));
    return List.copyOf(out);
  }

  /** Remembers that {@code predicted} was forecast for {@code target}. */
  public void expect(Instant target, double predicted) {
    forecasts.expect(target, predicted);
  }

  /**
   * Scores every remembered forecast whose target lies within {@code actuals}; drops older ones.
   */
  public void reconcile(Series actuals) {
    forecasts.reconcile(
        actuals,
        (target, predicted, a) -> {
          int i = a.indexNear(target);
          return i < 0 || Double.isNaN(a.get(i))
              ? null
              : new PointError(Math.abs(a.get(i) - predicted), a.get(i));
        });
  }

  /** Forgets scores for targets at or before {@code now - window}. */
  public void trim(Instant now, Duration window) {
    forecasts.trim(now, window);
  }

  /** WAPE over the scored window as a fraction, NaN when nothing is scored or actuals sum to 0. */
  public double error() {
    double err = forecasts.scores().mapToDouble(PointError::absError).sum();
    double total = forecasts.scores().mapToDouble(PointError::actual).sum();
    return total == 0 ? Double.NaN : err / total;
  }

  public int samples() {
    return forecasts.samples();
  }
}
