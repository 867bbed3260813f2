package io.scalableapp.lab.frontier;

import io.scalableapp.engine.replay.frontier.FrontierPoint;
import io.scalableapp.engine.replay.frontier.ReactiveFrontier;
import io.scalableapp.engine.replay.frontier.SameCost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The best reactive HPA at each cost over both knobs (CPU target and scale-down stabilisation
 * window): the points no other point beats on both replica-hours and under-provisioned minutes,
 * joined by straight lines. A policy compared with it is compared with the reactive HPA tuned
 * either way to spend the same.
 */
public final class ReactiveEnvelope {

  private final List<SweepPoint> all;
  private final List<SweepPoint> envelope;
  private final ReactiveFrontier frontier;

  public ReactiveEnvelope(List<SweepPoint> points) {
    this.all = List.copyOf(points);
    this.envelope = paretoFront(points);
    // One point alone cannot be interpolated; a frontier needs two, so a lone best point is used
    // twice.
    List<FrontierPoint> line =
        new ArrayList<>(
            envelope.stream()
                .map(
                    p ->
                        new FrontierPoint(
                            p.targetPercent(), p.replicaHours(), p.underProvisionedMinutes()))
                .toList());
    if (line.size() == 1) {
      line.add(line.get(0));
    }
    this.frontier = new ReactiveFrontier(line);
  }

  /** Every point swept. */
  public List<SweepPoint> points() {
    return all;
  }

  /** The undominated points, cheapest first. */
  public List<SweepPoint> envelope() {
    return envelope;
  }

  public boolean onEnvelope(SweepPoint p) {
    return envelope.contains(p);
  }

  public SameCost compare(double replicaHours, double underProvisionedMinutes) {
    return frontier.compare(replicaHours, underProvisionedMinutes);
  }

  /**
   * Cheapest first; a point stays if it falls short strictly less than every cheaper (or as cheap)
   * one.
   */
  static List<SweepPoint> paretoFront(List<SweepPoint> points) {
    List<SweepPoint> byCost =
        points.stream()
            .sorted(
                Comparator.comparingDouble(SweepPoint::replicaHours)
                    .thenComparingDouble(SweepPoint::underProvisionedMinutes))
            .toList();
    List<SweepPoint> front = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    for (SweepPoint p : byCost) {
      if (p.underProvisionedMinutes() < best) {
        front.add(p);
        best = p.underProvisionedMinutes();
      }
    }
    return front;
  }
}
