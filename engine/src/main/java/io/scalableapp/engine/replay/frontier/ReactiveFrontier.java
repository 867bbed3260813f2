package io.scalableapp.engine.replay.frontier;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The reactive HPA's trade-off between cost and shortfall: under-provisioned minutes against
 * replica-hours at a range of CPU targets, on one trace part with one workload. A policy is worth
 * its cost only if it falls short less often than the HPA spending the same, which is read off this
 * curve by linear interpolation between the two targets whose replica-hours bracket the policy's.
 */
public final class ReactiveFrontier {

  /**
   * The CPU targets swept: 40 % .. 85 % in steps of 5 (85 %: a policy search may run the HPA that
   * hot, so its baseline must too).
   */
  public static final List<Integer> TARGETS =
      IntStream.iterate(40, t -> t <= 85, t -> t + 5).boxed().toList();

  private final List<FrontierPoint> byCost;

  public ReactiveFrontier(List<FrontierPoint> points) {
    if (points.size() < 2) {
      throw new IllegalArgumentException("a frontier needs at least two targets");
    }
    this.byCost =
        points.stream().sorted(Comparator.comparingDouble(FrontierPoint::replicaHours)).toList();
  }

  /** Points from the cheapest (highest target) to the costliest. */
  public List<FrontierPoint> points() {
    return byCost;
  }

  public SameCost compare(double replicaHours, double underProvisionedMinutes) {
    FrontierPoint cheapest = byCost.get(0);
    FrontierPoint costliest = byCost.get(byCost.size() - 1);
    if (replicaHours < cheapest.replicaHours()) {
      return new SameCost(
          replicaHours,
          underProvisionedMinutes,
          cheapest.underProvisionedMinutes(),
          SameCost.Position.CHEAPER_THAN_FRONTIER);
    }
    if (replicaHours > costliest.replicaHours()) {
      return new SameCost(
          replicaHours,
          underProvisionedMinutes,
          costliest.underProvisionedMinutes(),
          SameCost.Position.COSTLIER_THAN_FRONTIER);
    }
    return new SameCost(
        replicaHours,
        underProvisionedMinutes,
        underProvisionedAt(replicaHours),
        SameCost.Position.WITHIN_FRONTIER);
  }

  /** The frontier's under-provisioned minutes at a cost within its range. */
  double underProvisionedAt(double replicaHours) {
    for (int i = 1; i < byCost.size(); i++) {
      FrontierPoint a = byCost.get(i - 1);
      FrontierPoint b = byCost.get(i);
      if (replicaHours <= b.replicaHours()) {
        double span = b.replicaHours() - a.replicaHours();
        double w = span == 0 ? 0 : (replicaHours - a.replicaHours()) / span;
        return a.underProvisionedMinutes()
            + w * (b.underProvisionedMinutes() - a.underProvisionedMinutes());
      }
    }
    return byCost.get(byCost.size() - 1).underProvisionedMinutes();
  }
}
