package io.scalableapp.engine.auto;

import io.scalableapp.engine.ScalingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One judgement of {@code mode: Auto}: the mode to run in and why.
 *
 * @param mode SHADOW or ENFORCE
 * @param outcome what the judgement found
 * @param evidence the replay behind it; for a failed or too-short history, the previous replay's,
 *     if any
 * @param held how much demand history the app had (first valid sample to the last)
 * @param needed how much it needs ({@link AutoModeSettings#minHistory()})
 * @param problem why the replay failed; empty otherwise
 */
public record AutoVerdict(
    Instant at,
    ScalingMode mode,
    Outcome outcome,
    Optional<ReplayEvidence> evidence,
    Duration held,
    Duration needed,
    String problem) {

  public enum Outcome {
    /** Shadow to Enforce: the forecast beat the same-cost HPA by the promotion margin. */
    PROMOTED,
    /** Enforce to Shadow: it no longer beats it by the demotion margin. */
    DEMOTED,
    /** Stays in Enforce: it still beats it. */
    STILL_BEATING,
    /** Stays in Shadow: it does not beat it by the promotion margin. */
    NOT_BEATING,
    /** Not enough history to judge; the mode stays. */
    INSUFFICIENT_HISTORY,
    /** No HPA runs, so there is no reactive baseline to compare with; the mode stays. */
    NO_HPA,
    /** The replay failed; the mode stays and it is retried. */
    FAILED
  }

  public boolean changedMode() {
    return outcome == Outcome.PROMOTED || outcome == Outcome.DEMOTED;
  }
}
