package io.scalableapp.engine.floor;

import java.time.Instant;
import java.util.Arrays;

/**
 * The standardised errors a {@link NoiseFloorTracker} has scored, oldest first, each with the end
 * of the span it scored. Compact, because a week of 1-minute errors is held per app: 12 bytes an
 * error (seconds as an int, the error as the double the replay scores, so live and replay agree
 * exactly), in a ring that grows by a quarter (not doubling, which could leave half of it empty),
 * instead of two objects an error. Not thread-safe.
 */
final class ScoredErrors {
  private int[] untilSeconds = new int[64];
  private double[] errors = new double[64];
  private int head;
  private int size;
  private long epochSecond = Long.MIN_VALUE;

  void add(Instant until, double error) {
    if (epochSecond == Long.MIN_VALUE) {
      epochSecond = until.getEpochSecond();
    }
    if (size == errors.length) {
      grow();
    }
    int at = (head + size) % errors.length;
    untilSeconds[at] = Math.toIntExact(until.getEpochSecond() - epochSecond);
    errors[at] = error;
    size++;
  }

  /**
   * Drops the errors whose span ended at or before {@code oldest}, then returns the rest, sorted.
   */
  double[] sortedAfter(Instant oldest) {
    if (size == 0) {
      return new double[0];
    }
    long since = oldest.getEpochSecond() - epochSecond;
    // Spans end in the order they were anchored unless the lead changed; the front goes in order,
    // and an expired error behind a newer one is left out below.
    while (size > 0 && untilSeconds[head] <= since) {
      head = (head + 1) % errors.length;
      size--;
    }
    double[] kept = new double[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      int at = (head + i) % errors.length;
      if (untilSeconds[at] > since) {
        kept[n++] = errors[at];
      }
    }
    // Nearly always n == size: only an error stuck behind a newer one is left out.
    double[] sorted = n == size ? kept : Arrays.copyOf(kept, n);
    Arrays.sort(sorted);
    return sorted;
  }

  int size() {
    return size;
  }

  private void grow() {
    int capacity = errors.length + Math.max(64, errors.length / 4);
    int[] until = new int[capacity];
    double[] error = new double[capacity];
    for (int i = 0; i < size; i++) {
      int at = (head + i) % errors.length;
      until[i] = untilSeconds[at];
      error[i] = errors[at];
    }
    untilSeconds = until;
    errors = error;
    head = 0;
  }
}
