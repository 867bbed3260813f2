package io.scalableapp.engine.auto;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One turn of policy tuning for one app.
 *
 * @param running the policy to run after it: the chosen one when validated, else the user's HPA;
 *     when nothing could be searched (too little history, no HPA, a failure), the policy that ran
 *     before
 * @param choice the search behind it; for a turn that could not search, the previous search's, if
 *     any
 * @param held how much demand history the app had
 * @param needed how much a search needs
 * @param problem why the search failed; empty otherwise
 */
public record TuningVerdict(
    Instant at,
    Outcome outcome,
    TunedPolicy running,
    Optional<PolicyChoice> choice,
    Duration held,
    Duration needed,
    String problem) {

  public enum Outcome {
    /** A search ran; its choice says whether the chosen policy was validated. */
    SEARCHED,
    /** Too little history to search; the running policy stays. */
    INSUFFICIENT_HISTORY,
    /** No HPA runs, so there is nothing to tune; the running policy stays. */
    NO_HPA,
    /** The search failed; the running policy stays and it is retried. */
    FAILED
  }
}
