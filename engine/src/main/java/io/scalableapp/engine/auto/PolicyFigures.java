package io.scalableapp.engine.auto;

/** What a policy did on one part of the history: minutes short of capacity and what it spent. */
public record PolicyFigures(double underProvisionedMinutes, double replicaHours) {

  /**
   * Fraction fewer under-provisioned minutes than {@code other} (negative: more); 0 when both are
   * 0.
   */
  public double reductionAgainst(PolicyFigures other) {
    if (other.underProvisionedMinutes == 0) {
      return underProvisionedMinutes == 0 ? 0 : Double.NEGATIVE_INFINITY;
    }
    return 1 - underProvisionedMinutes / other.underProvisionedMinutes;
  }

  /** Fraction more replica-hours than {@code other} (negative: fewer). */
  public double extraCostAgainst(PolicyFigures other) {
    return other.replicaHours == 0 ? 0 : replicaHours / other.replicaHours - 1;
  }
}
