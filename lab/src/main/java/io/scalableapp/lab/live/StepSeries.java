package io.scalableapp.lab.live;

import java.util.ArrayList;
import java.util.List;

/**
 * A value that changes at recorded instants and holds in between (what a watch on a Kubernetes
 * object reports): seconds since the replay began, each with the value from then on.
 */
public final class StepSeries {

  private final List<double[]> points = new ArrayList<>();

  /** Records {@code value} from {@code second} on; seconds must not go backwards. */
  public void add(double second, double value) {
    if (!points.isEmpty() && second < points.get(points.size() - 1)[0]) {
      throw new IllegalArgumentException("seconds go backwards: " + second);
    }
    points.add(new double[] {second, value});
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }

  /** The value at {@code second}: the last one recorded at or before it; NaN before the first. */
  public double at(double second) {
    double value = Double.NaN;
    for (double[] p : points) {
      if (p[0] > second) {
        break;
      }
      value = p[1];
    }
    return value;
  }

  /** The integral over {@code [from, to)}, NaN stretches counting as zero. */
  public double integral(double from, double to) {
    double sum = 0;
    double at = from;
    double value = at(from);
    for (double[] p : points) {
      if (p[0] <= from) {
        continue;
      }
      if (p[0] >= to) {
        break;
      }
      sum += (Double.isNaN(value) ? 0 : value) * (p[0] - at);
      at = p[0];
      value = p[1];
    }
    return sum + (Double.isNaN(value) ? 0 : value) * (to - at);
  }

  /** The largest value held at any time in {@code [from, to)}. */
  public double max(double from, double to) {
    double max = at(from);
    for (double[] p : points) {
      if (p[0] > from && p[0] < to && !(p[1] <= max)) {
        max = p[1];
      }
    }
    return max;
  }
}
