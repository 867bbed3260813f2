package io.scalableapp.engine.auto;

import io.scalableapp.engine.replay.frontier.SameCost;
import java.time.Duration;
import java.time.Instant;

/**
 * What the app's own recent history says: the forecast floor with the app's HPA against the
 * reactive HPA, both replayed over the scored window {@code [from, to)}.
 *
 * @param points demand samples the history held (the whole replay, warm-up included)
 * @param forecast the forecast floor + HPA against the reactive HPA spending the same replica-hours
 *     (interpolated on the HPA's CPU-target frontier)
 * @param reactiveUnderProvisionedMinutes the app's HPA alone, at its own CPU target
 * @param reactiveReplicaHours what that HPA alone spent
 */
public record ReplayEvidence(
    Instant from,
    Instant to,
    int points,
    SameCost forecast,
    double reactiveUnderProvisionedMinutes,
    double reactiveReplicaHours) {

  public Duration scored() {
    return Duration.between(from, to);
  }

  /** Fraction fewer under-provisioned minutes than the same-cost HPA (negative: more). */
  public double reduction() {
    return forecast.reduction();
  }

  /** Fraction more replica-hours than the app's HPA alone (negative: fewer). */
  public double extraCost() {
    return reactiveReplicaHours == 0 ? 0 : forecast.replicaHours() / reactiveReplicaHours - 1;
  }

  /**
   * Whether the forecast beats the same-cost HPA by at least {@code reduction} for at most {@code
   * maxExtraCost}. A forecast costlier than the whole frontier proves nothing ({@link
   * SameCost#conclusive()}), so it does not beat.
   */
  public boolean beats(double reduction, double maxExtraCost) {
    return forecast.conclusive() && reduction() >= reduction && extraCost() <= maxExtraCost;
  }
}
