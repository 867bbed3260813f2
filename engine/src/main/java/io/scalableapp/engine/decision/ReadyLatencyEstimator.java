package io.scalableapp.engine.decision;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Learns how long this app's pods take from start to ready (p95 of the recent observations), which
 * is how far ahead the floor has to look: capacity asked for now is useful only that much later.
 * Until {@link #MIN_SAMPLES} observations exist it answers the fallback.
 */
public final class ReadyLatencyEstimator {

  public static final int MIN_SAMPLES = 5;
  public static final Duration DEFAULT_FALLBACK = Duration.ofMinutes(2);

  private final long[] millis;
  private final Duration fallback;
  private int count;
  private int next;

  /**
   * @param capacity how many recent observations to keep (older ones age out)
   */
  public ReadyLatencyEstimator(int capacity, Duration fallback) {
    if (capacity < MIN_SAMPLES) {
      throw new IllegalArgumentException("capacity must be >= " + MIN_SAMPLES);
    }
    this.millis = new long[capacity];
    this.fallback = fallback;
  }

  public ReadyLatencyEstimator() {
    this(100, DEFAULT_FALLBACK);
  }

  /** Records one pod's start-to-ready duration; negative durations (clock skew) are ignored. */
  public synchronized void record(Duration startToReady) {
    if (startToReady.isNegative()) {
      return;
    }
    millis[next] = startToReady.toMillis();
    next = (next + 1) % millis.length;
    count = Math.min(count + 1, millis.length);
  }

  /** 95th percentile (nearest rank) of the kept observations, or the fallback. */
  public synchronized Duration p95() {
    if (count < MIN_SAMPLES) {
      return fallback;
    }
    long[] sorted = Arrays.copyOf(millis, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(0.95 * count) - 1;
    return Duration.ofMillis(sorted[rank]);
  }

  public synchronized int samples() {
    return count;
  }

  /** The kept observations in milliseconds, oldest first. */
  public synchronized List<Long> samplesMillis() {
    Long[] out = new Long[count];
    int oldest = (next - count + millis.length) % millis.length;
    for (int i = 0; i < count; i++) {
      out[i] = millis[(oldest + i) % millis.length];
    }
    return List.of(out);
  }

  /**
   * Adds observations made before the ones kept (e.g. from a snapshot taken before a restart), so
   * the oldest age out first; synchronized because pod watchers record from their own thread.
   */
  public synchronized void backfill(List<Long> olderMillis) {
    List<Long> newer = samplesMillis();
    count = 0;
    next = 0;
    olderMillis.forEach(m -> record(Duration.ofMillis(m)));
    newer.forEach(m -> record(Duration.ofMillis(m)));
  }
}
