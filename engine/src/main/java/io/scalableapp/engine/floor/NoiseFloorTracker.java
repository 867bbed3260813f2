package io.scalableapp.engine.floor;

import io.scalableapp.engine.series.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A {@link NoiseFloorRule} run live, one evaluation at a time on the injected clock: each
 * evaluation remembers its reference for the span {@code (now, now + lead + window]}, a later fetch
 * that holds the whole span scores it, and the margin is the rule's quantile of the errors scored
 * within the last {@code residualWindow}. Not thread-safe; one per app.
 */
public final class NoiseFloorTracker {

  /**
   * How far back the errors the margin's quantile is taken over reach: a week, as the policy search
   * and the lab replay. A week holds each weekday's nights and peaks; it beat a day on validation
   * in every NASA cell of the scaling lab (docs/scaling-lab-analysis.md).
   */
  public static final Duration RESIDUAL_WINDOW = Duration.ofDays(7);

  /** {@link #RESIDUAL_WINDOW} in minutes, as replays over per-minute demand count it. */
  public static final int RESIDUAL_MINUTES = (int) RESIDUAL_WINDOW.toMinutes();

  private record Pending(Instant from, Instant until, double reference) {}

  private final NoiseFloorRule rule;
  private final Clock clock;
  private final Duration residualWindow;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private final ScoredErrors scored = new ScoredErrors();
  private Instant lastAnchor;

  public NoiseFloorTracker(NoiseFloorRule rule, Clock clock, Duration residualWindow) {
    this.rule = Objects.requireNonNull(rule, "rule");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (residualWindow == null || residualWindow.isNegative() || residualWindow.isZero()) {
      throw new IllegalArgumentException("residual window must be positive, was " + residualWindow);
    }
    this.residualWindow = residualWindow;
  }

  public NoiseFloorRule rule() {
    return rule;
  }

  /**
   * Remembers that the reference for {@code (now, now + lead + window]} is {@code reference}
   * (ignored if unknown).
   */
  public void expect(Duration lead, double reference) {
    if (!(reference >= 0) || Double.isInfinite(reference)) {
      return;
    }
    Instant now = clock.instant();
    pending.addLast(new Pending(now, now.plus(lead).plus(rule.window()), reference));
  }

  /**
   * Scores every remembered span that {@code actuals} covers; drops spans that it can no longer
   * cover.
   */
  public void reconcile(Series actuals) {
    if (actuals.isEmpty()) {
      return;
    }
    Iterator<Pending> it = pending.iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      if (p.until().isAfter(actuals.end())) {
        continue;
      }
      it.remove();
      score(p, actuals);
    }
  }

  private void score(Pending span, Series actuals) {
    double error = rule.standardised(span.reference(), peak(actuals, span.from(), span.until()));
    if (!Double.isNaN(error)) {
      scored.add(span.until(), error);
    }
  }

  /**
   * The demand to hold now for {@code reference}; empty until {@link NoiseFloorRule#MIN_SAMPLES}
   * errors are scored.
   */
  public OptionalDouble cover(double reference) {
    double[] errors = scored.sortedAfter(clock.instant().minus(residualWindow));
    if (errors.length < NoiseFloorRule.MIN_SAMPLES || !(reference >= 0)) {
      return OptionalDouble.empty();
    }
    int rank = (int) Math.ceil(rule.quantile() * errors.length);
    return OptionalDouble.of(
        rule.cover(reference, errors[Math.max(0, Math.min(errors.length, rank) - 1)]));
  }

  /**
   * Follows a recent-level rule over the app's fetched history, whatever the evaluation cadence:
   * every point of {@code history} not anchored yet (on a new tracker, every point within the
   * residual window) anchors the span {@code (t, t + lead + window]} with the {@link #recentLevel}
   * at t as its reference, and every span the history now holds entirely is scored. The reference
   * at any past point is a function of the history, so a new app, a restart or a new rule learns at
   * once what a tracker running all along would have learned.
   */
  public void follow(Series history, Duration lead) {
    if (rule.family() != FloorFamily.RECENT_LEVEL) {
      throw new IllegalStateException("only a recent-level rule can be followed over its history");
    }
    reconcile(history);
    Instant after =
        lastAnchor != null
            ? lastAnchor
            : clock.instant().minus(residualWindow).minus(lead).minus(rule.window());
    for (int i = history.firstIndexAfter(after); i < history.size(); i++) {
      Instant t = history.timeAt(i);
      lastAnchor = t;
      double reference = recentLevel(history, t);
      if (reference >= 0 && !Double.isInfinite(reference)) {
        Pending span = new Pending(t, t.plus(lead).plus(rule.window()), reference);
        // A span the history already holds is scored at once: on a new tracker that is nearly the
        // whole window, which would otherwise queue up first.
        if (span.until().isAfter(history.end())) {
          pending.addLast(span);
        } else {
          score(span, history);
        }
      }
    }
  }

  /** Errors held: those within the residual window at the last {@link #cover}, and any since. */
  public int samples() {
    return scored.size();
  }

  /**
   * The mean of the observed points of {@code history} within the {@link
   * NoiseFloorRule#LEVEL_WINDOW} up to now.
   */
  public static double recentLevel(Series history, Instant now) {
    Instant since = now.minus(NoiseFloorRule.LEVEL_WINDOW);
    double sum = 0;
    int n = 0;
    // From the last point at or before now back: O(window), wherever now is in the history.
    for (int i = history.firstIndexAfter(now) - 1;
        i >= 0 && history.timeAt(i).isAfter(since);
        i--) {
      double v = history.get(i);
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Highest point stamped in {@code (from, until]}; NaN if any is missing or none is there. */
  private static double peak(Series actuals, Instant from, Instant until) {
    double peak = Double.NaN;
    for (int i = actuals.firstIndexAfter(from);
        i < actuals.size() && !actuals.timeAt(i).isAfter(until);
        i++) {
      double v = actuals.get(i);
      if (Double.isNaN(v)) {
        return Double.NaN;
      }
      peak = Double.isNaN(peak) ? v : Math.max(peak, v);
    }
    return peak;
  }
}
