package io.scalableapp.engine.floor;

import java.util.Arrays;

/**
 * The last {@code capacity} values offered, kept sorted so a quantile costs O(1) and an update
 * O(capacity) (an array shift, cheap for a day of minutes). NaN offered takes a slot but holds no
 * value: a minute without data still ages the window.
 */
public final class SlidingQuantile {

  private final double[] ring;
  private final double[] sorted;
  private int offered;
  private int size;

  public SlidingQuantile(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    ring = new double[capacity];
    sorted = new double[capacity];
    Arrays.fill(ring, Double.NaN);
  }

  public void add(double value) {
    int slot = offered++ % ring.length;
    double leaving = ring[slot];
    if (!Double.isNaN(leaving)) {
      int at = Arrays.binarySearch(sorted, 0, size, leaving);
      System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
      size--;
    }
    ring[slot] = value;
    if (!Double.isNaN(value)) {
      int at = Arrays.binarySearch(sorted, 0, size, value);
      if (at < 0) {
        at = -at - 1;
      }
      System.arraycopy(sorted, at, sorted, at + 1, size - at);
      sorted[at] = value;
      size++;
    }
  }

  /** Values held (NaN slots not counted). */
  public int size() {
    return size;
  }

  /** Nearest-rank quantile, so always a value offered; NaN when empty. */
  public double quantile(double q) {
    if (size == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * size);
    return sorted[Math.max(0, Math.min(size, rank) - 1)];
  }
}
