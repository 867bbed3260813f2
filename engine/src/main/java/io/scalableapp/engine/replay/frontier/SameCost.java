package io.scalableapp.engine.replay.frontier;

/**
 * A policy against the reactive HPA that spends the same replica-hours.
 *
 * @param frontierUnderProvisionedMinutes the frontier's under-provisioned minutes at the policy's
 *     replica-hours, interpolated; outside the frontier's range, those of its nearest end
 * @param position where the policy's cost lies against the frontier's range
 */
public record SameCost(
    double replicaHours,
    double underProvisionedMinutes,
    double frontierUnderProvisionedMinutes,
    Position position) {

  public enum Position {
    /** Cheaper than the HPA at its highest target: compared with that (costlier) end. */
    CHEAPER_THAN_FRONTIER,
    WITHIN_FRONTIER,
    /**
     * Costlier than the HPA at its lowest target: compared with that (cheaper) end, so not
     * conclusive.
     */
    COSTLIER_THAN_FRONTIER
  }

  /**
   * Fraction fewer under-provisioned minutes than the same-cost HPA (negative: more). 0 when both
   * are 0.
   */
  public double reduction() {
    if (frontierUnderProvisionedMinutes == 0) {
      return underProvisionedMinutes == 0 ? 0 : Double.NEGATIVE_INFINITY;
    }
    return 1 - underProvisionedMinutes / frontierUnderProvisionedMinutes;
  }

  /**
   * Whether the comparison says something: within the range, or cheaper than the whole frontier and
   * still not worse than its costlier end (then the true same-cost HPA can only be worse). A
   * costlier policy compared with the frontier's cheaper end proves nothing.
   */
  public boolean conclusive() {
    return switch (position) {
      case WITHIN_FRONTIER -> true;
      case CHEAPER_THAN_FRONTIER -> reduction() >= 0;
      case COSTLIER_THAN_FRONTIER -> false;
    };
  }
}
