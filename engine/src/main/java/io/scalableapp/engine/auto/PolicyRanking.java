package io.scalableapp.engine.auto;

import java.util.Comparator;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * How a policy search ranks the policies that fit its budget, on the part of the history it chooses
 * on; one rule for the operator's {@link PolicySearch} and the lab.
 *
 * <ol>
 *   <li>Fewest under-provisioned minutes: the objective.
 *   <li>On a tie, the HPA alone: a floor must earn its place by missing less, otherwise the tuned
 *       HPA (the policy the same-cost envelope is made of) runs without it.
 *   <li>Then the one with more replica-hours, still within the budget: among policies that missed
 *       equally, the cheapest sits where the history stopped showing misses, so it is the likeliest
 *       to miss on the days it never saw; the budget is the constraint, not a cost to save.
 * </ol>
 */
public final class PolicyRanking {

  private PolicyRanking() {}

  /** The ranking, best first, of any candidate type given how to read its figures. */
  public static <T> Comparator<T> bestFirst(
      ToDoubleFunction<T> underProvisionedMinutes,
      Predicate<T> hpaAlone,
      ToDoubleFunction<T> replicaHours) {
    return Comparator.comparingDouble(underProvisionedMinutes)
        .thenComparing(c -> hpaAlone.test(c) ? 0 : 1)
        .thenComparing(Comparator.comparingDouble(replicaHours).reversed());
  }
}
