package io.scalableapp.engine.decision;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Rolling forecast error measured the honest way: each forecast is remembered with the time it is
 * about, and scored only when the actual for that time has arrived in a later fetch.
 * The error is WAPE (sum|actual - forecast| / sum actual) over the window: a MAPE weighted by
 * demand, so quiet night-time minutes near zero cannot blow it up.
 */
public final class ForecastAccuracyTracker {

    /** Bounds memory if actuals stop arriving for a long time. */
    static final int MAX_PENDING = 10_000;

    private record Pending(Instant target, double predicted) {
    }

    private record Scored(Instant target, double absError, double actual) {
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Deque<Scored> scored = new ArrayDeque<>();

    /** Remembers that {@code predicted} was forecast for {@code target}. */
    public void expect(Instant target, double predicted) {
        if (!pending.isEmpty() && !target.isAfter(pending.peekLast().target())) {
            // Same (or earlier) target forecast again, e.g. two evaluations within a step: keep one
            // forecast per target so frequent evaluation does not weigh more.
            return;
        }
        pending.addLast(new Pending(target, predicted));
        if (pending.size() > MAX_PENDING) {
            pending.removeFirst();
        }
    }

    /** Scores every remembered forecast whose target lies within {@code actuals}; drops older ones. */
    public void reconcile(Series actuals) {
        if (actuals.isEmpty()) {
            return;
        }
        Instant newest = actuals.end();
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.target().isAfter(newest)) {
                break; // pending is ordered by target
            }
            int i = actuals.indexNear(p.target());
            if (i >= 0 && !Double.isNaN(actuals.get(i))) {
                double actual = actuals.get(i);
                scored.addLast(new Scored(p.target(), Math.abs(actual - p.predicted()), actual));
            }
            it.remove(); // scored, or its actual is missing for good
        }
    }

    /** Forgets scores for targets at or before {@code now - window}. */
    public void trim(Instant now, Duration window) {
        Instant cutoff = now.minus(window);
        while (!scored.isEmpty() && !scored.peekFirst().target().isAfter(cutoff)) {
            scored.removeFirst();
        }
    }

    /** WAPE over the scored window as a fraction, NaN when nothing is scored or actuals sum to 0. */
    public double error() {
        double err = 0, total = 0;
        for (Scored s : scored) {
            err += s.absError();
            total += s.actual();
        }
        return total == 0 ? Double.NaN : err / total;
    }

    public int samples() {
        return scored.size();
    }
}
