package io.scalableapp.engine.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntBinaryOperator;

/** Replica counts stamped with the time they were recorded, kept for a sliding window. */
public final class TimedHistory {

    private record Entry(Instant time, int value) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    public void add(Instant time, int value) {
        entries.addLast(new Entry(time, value));
    }

    /** Forgets entries recorded at or before {@code now - keep}. */
    public void trim(Instant now, Duration keep) {
        Instant cutoff = now.minus(keep);
        while (!entries.isEmpty() && !entries.peekFirst().time().isAfter(cutoff)) {
            entries.removeFirst();
        }
    }

    /** Highest value recorded after {@code now - window}, or {@code orElse} if none. */
    public int maxWithin(Instant now, Duration window, int orElse) {
        return reduceWithin(now, window, orElse, Math::max);
    }

    /** Lowest value recorded after {@code now - window}, or {@code orElse} if none. */
    public int minWithin(Instant now, Duration window, int orElse) {
        return reduceWithin(now, window, orElse, Math::min);
    }

    private int reduceWithin(Instant now, Duration window, int orElse, IntBinaryOperator op) {
        Instant cutoff = now.minus(window);
        Integer result = null;
        for (Entry e : entries) {
            if (e.time().isAfter(cutoff)) {
                result = result == null ? e.value() : op.applyAsInt(result, e.value());
            }
        }
        return result == null ? orElse : result;
    }

    public int size() {
        return entries.size();
    }
}
