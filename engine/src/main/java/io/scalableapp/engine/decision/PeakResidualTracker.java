package io.scalableapp.engine.decision;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;

/**
 * How far the actual demand peak over each past horizon exceeded the forecast peak the floor was sized on,
 * scored the honest way: each forecast peak for {@code (from, until]} is remembered and scored only once a later
 * fetch holds actuals up to {@code until}. The residual is relative, {@code actualPeak / forecastPeak - 1}, so an
 * upper quantile of recent residuals is the margin that would have covered that share of recent horizons: a
 * prediction interval learned at run time from the app's own errors (wide for noisy series, narrow for smooth ones).
 */
public final class PeakResidualTracker {

    static final int MAX_PENDING = 10_000;

    private record Pending(Instant from, Instant until, double predictedPeak) {
    }

    private record Scored(Instant until, double residual) {
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Deque<Scored> scored = new ArrayDeque<>();

    /** Remembers that the demand peak over {@code (from, until]} was forecast as {@code predictedPeak}. */
    public void expect(Instant from, Instant until, double predictedPeak) {
        if (!(predictedPeak > 0) || Double.isInfinite(predictedPeak)) {
            return; // a relative residual of a zero forecast means nothing
        }
        if (!pending.isEmpty() && !until.isAfter(pending.peekLast().until())) {
            return; // one forecast per horizon end, however often the caller evaluates
        }
        pending.addLast(new Pending(from, until, predictedPeak));
        if (pending.size() > MAX_PENDING) {
            pending.removeFirst();
        }
    }

    /** Scores every remembered horizon that {@code actuals} covers completely; drops ones that can no longer be. */
    public void reconcile(Series actuals) {
        if (actuals.isEmpty()) {
            return;
        }
        Instant newest = actuals.end();
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.until().isAfter(newest)) {
                break; // ordered by horizon end
            }
            double peak = Double.NaN;
            for (int i = actuals.firstIndexAfter(p.from()); i < actuals.size(); i++) {
                if (actuals.timeAt(i).isAfter(p.until())) {
                    break;
                }
                double v = actuals.get(i);
                if (!Double.isNaN(v) && (Double.isNaN(peak) || v > peak)) {
                    peak = v;
                }
            }
            if (!Double.isNaN(peak)) {
                scored.addLast(new Scored(p.until(), peak / p.predictedPeak() - 1));
            }
            it.remove();
        }
    }

    /** Forgets residuals of horizons that ended at or before {@code now - window}. */
    public void trim(Instant now, Duration window) {
        Instant cutoff = now.minus(window);
        while (!scored.isEmpty() && !scored.peekFirst().until().isAfter(cutoff)) {
            scored.removeFirst();
        }
    }

    /**
     * The {@code q}-quantile of the scored residuals (nearest rank, so always an observed residual), NaN when
     * nothing is scored.
     */
    public double quantile(double q) {
        if (scored.isEmpty()) {
            return Double.NaN;
        }
        double[] r = scored.stream().mapToDouble(Scored::residual).toArray();
        Arrays.sort(r);
        int rank = (int) Math.ceil(q * r.length);
        return r[Math.max(0, Math.min(r.length - 1, rank - 1))];
    }

    public int samples() {
        return scored.size();
    }
}
