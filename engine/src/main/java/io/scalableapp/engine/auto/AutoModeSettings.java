package io.scalableapp.engine.auto;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code mode: Auto} judges the forecast on the app's own history.
 *
 * @param evaluateEvery how often an app's history is replayed again (a replay costs seconds of CPU,
 *     so hourly)
 * @param retryAfterFailure how soon a replay that failed is tried again
 * @param minHistory history needed before a verdict; its first half warms the replayed engine up (a
 *     daily cycle needs a day before it is forecast) and the rest is scored
 * @param replayInterval how often the replayed engine re-evaluates its floor on the replay clock;
 *     the live operator evaluates more often, but the floor moves with the forecast, which moves
 *     slowly
 * @param promoteReduction Shadow to Enforce when the forecast has at least this fraction fewer
 *     under-provisioned minutes than the reactive HPA spending the same replica-hours
 * @param demoteReduction Enforce to Shadow when that fraction falls below this (lower than
 *     promoteReduction, so an app near the line does not flap)
 * @param maxExtraCost and in either direction: the forecast may cost at most this fraction more
 *     replica-hours than the app's own HPA alone
 */
public record AutoModeSettings(
    Duration evaluateEvery,
    Duration retryAfterFailure,
    Duration minHistory,
    Duration replayInterval,
    double promoteReduction,
    double demoteReduction,
    double maxExtraCost) {

  public static final Duration DEFAULT_EVALUATE_EVERY = Duration.ofHours(1);
  public static final Duration DEFAULT_RETRY_AFTER_FAILURE = Duration.ofMinutes(5);
  public static final Duration DEFAULT_MIN_HISTORY = Duration.ofDays(2);
  public static final Duration DEFAULT_REPLAY_INTERVAL = Duration.ofMinutes(5);
  public static final double DEFAULT_PROMOTE_REDUCTION = 0.10;
  public static final double DEFAULT_DEMOTE_REDUCTION = 0.0;
  public static final double DEFAULT_MAX_EXTRA_COST = 0.25;

  public AutoModeSettings {
    Objects.requireNonNull(evaluateEvery, "evaluateEvery");
    Objects.requireNonNull(retryAfterFailure, "retryAfterFailure");
    Objects.requireNonNull(minHistory, "minHistory");
    Objects.requireNonNull(replayInterval, "replayInterval");
    if (evaluateEvery.compareTo(Duration.ofSeconds(1)) < 0
        || retryAfterFailure.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "the Auto mode's evaluation and retry periods must be at least 1s");
    }
    if (minHistory.compareTo(Duration.ofMinutes(2)) < 0) {
      throw new IllegalArgumentException(
          "the Auto mode's minimum history must be at least 2m, got " + minHistory);
    }
    if (replayInterval.compareTo(Duration.ofSeconds(15)) < 0) {
      throw new IllegalArgumentException(
          "the Auto mode's replay interval must be at least 15s, the HPA's sync "
              + "period, got "
              + replayInterval);
    }
    if (!(promoteReduction > 0 && promoteReduction <= 1)) {
      throw new IllegalArgumentException(
          "the Auto mode's promotion threshold must be above 0 % and at most "
              + "100 %, got "
              + promoteReduction * 100
              + " %");
    }
    if (!(demoteReduction <= promoteReduction)) {
      throw new IllegalArgumentException(
          "the Auto mode's demotion threshold ("
              + demoteReduction * 100
              + " %) must not exceed its promotion threshold ("
              + promoteReduction * 100
              + " %)");
    }
    if (!(maxExtraCost >= 0)) {
      throw new IllegalArgumentException("the Auto mode's extra cost limit must not be negative");
    }
  }

  public static AutoModeSettings defaults() {
    return new AutoModeSettings(
        DEFAULT_EVALUATE_EVERY,
        DEFAULT_RETRY_AFTER_FAILURE,
        DEFAULT_MIN_HISTORY,
        DEFAULT_REPLAY_INTERVAL,
        DEFAULT_PROMOTE_REDUCTION,
        DEFAULT_DEMOTE_REDUCTION,
        DEFAULT_MAX_EXTRA_COST);
  }

  /** The first part of the history, replayed but not scored, while the replayed engine learns. */
  public Duration warmUp() {
    return minHistory.dividedBy(2);
  }

  public AutoModeSettings withEvaluateEvery(Duration value) {
    return new AutoModeSettings(
        value,
        retryAfterFailure,
        minHistory,
        replayInterval,
        promoteReduction,
        demoteReduction,
        maxExtraCost);
  }

  public AutoModeSettings withMinHistory(Duration value) {
    return new AutoModeSettings(
        evaluateEvery,
        retryAfterFailure,
        value,
        replayInterval,
        promoteReduction,
        demoteReduction,
        maxExtraCost);
  }
}
