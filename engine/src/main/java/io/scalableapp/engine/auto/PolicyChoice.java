package io.scalableapp.engine.auto;

import java.time.Instant;
import java.util.Objects;

/**
 * What one policy search found. The policy was chosen on the training part {@code [trainFrom,
 * validateFrom)} and checked on the validation part {@code [validateFrom, to)}, which the choice
 * never saw.
 *
 * @param user the HPA the user wrote, alone
 * @param envelope the best HPA alone over CPU target x scale-down window within the budget (chosen
 *     on training, like the policy): what tuning the HPA buys without a floor
 * @param chosen the best policy within the budget on training
 * @param budgetReplicaHours the training budget: the user's HPA's replica-hours times 1 + extraCost
 * @param applied whether the chosen policy beat the user's HPA on validation, so it runs
 * @param verdict why it runs or does not, in one sentence
 * @param points demand samples the history held
 * @param candidates policies replayed
 */
public record PolicyChoice(
    Instant trainFrom,
    Instant validateFrom,
    Instant to,
    int points,
    Scored user,
    Scored envelope,
    Scored chosen,
    double budgetReplicaHours,
    boolean applied,
    String verdict,
    int candidates) {

  /** A policy with what it did on training and on validation. */
  public record Scored(TunedPolicy policy, PolicyFigures training, PolicyFigures validation) {
    public Scored {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(training, "training");
      Objects.requireNonNull(validation, "validation");
    }
  }

  /** The policy to run: the chosen one when validated, else the user's own HPA. */
  public TunedPolicy running() {
    return applied ? chosen.policy() : user.policy();
  }
}
