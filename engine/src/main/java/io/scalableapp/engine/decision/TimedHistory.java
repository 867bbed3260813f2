package io.scalableapp.engine.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.IntBinaryOperator;

/** Replica counts stamped with the time they were recorded, kept for a sliding window. */
public final class TimedHistory {

  public record Entry(Instant time, int value) {}

  private final Deque<Entry> entries = new ArrayDeque<>();

  /** A history continuing from entries kept elsewhere (a snapshot), oldest first. */
  public static TimedHistory of(List<Entry> entries) {
    TimedHistory h = new TimedHistory();
    entries.forEach(e -> h.add(e.time(), e.value()));
    return h;
  }

  /** The kept entries, oldest first; {@link #trim} bounds them to the window. */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  public void add(Instant time, int value) {
    entries.addLast(new Entry(time, value));
  }

  /**
   * Forgets entries recorded at or before {@code now - keep}, except the newest of them: it is the
   * value that was in force when the kept window began.
   */
  public void trim(Instant now, Duration keep) {
    Instant cutoff = now.minus(keep);
    while (entries.size() > 1 && !secondTime().isAfter(cutoff)) {
      entries.removeFirst();
    }
  }

  /** Highest value recorded after {@code now - window}, or {@code orElse} if none. */
  public int maxWithin(Instant now, Duration window, int orElse) {
    return reduce(now, window, orElse, Math::max, false);
  }

  /**
   * Highest value in force at any time during {@code (now - window, now]}, reading the entries as a
   * step function: includes the value recorded last before the window began.
   */
  public int maxInForce(Instant now, Duration window, int orElse) {
    return reduce(now, window, orElse, Math::max, true);
  }

  /** Lowest value in force during {@code (now - window, now]}; see {@link #maxInForce}. */
  public int minInForce(Instant now, Duration window, int orElse) {
    return reduce(now, window, orElse, Math::min, true);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  private int reduce(
      Instant now, Duration window, int orElse, IntBinaryOperator op, boolean withValueAtStart) {
    Instant cutoff = now.minus(window);
    Integer result = null;
    Integer atStart = null;
    for (Entry e : entries) {
      if (e.time().isAfter(cutoff)) {
        result = result == null ? e.value() : op.applyAsInt(result, e.value());
      } else {
        atStart = e.value();
      }
    }
    if (withValueAtStart && atStart != null) {
      result = result == null ? atStart : op.applyAsInt(result, atStart);
    }
    return result == null ? orElse : result;
  }

  private Instant secondTime() {
    var it = entries.iterator();
    it.next();
    return it.next().time();
  }

  public int size() {
    return entries.size();
  }
}
