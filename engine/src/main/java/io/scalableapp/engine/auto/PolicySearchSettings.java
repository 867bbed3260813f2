package io.scalableapp.engine.auto;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The bounds and budget of one policy search.
 *
 * @param minTargetPercent lowest HPA CPU target the policy may use
 * @param maxTargetPercent highest
 * @param minWindow shortest scale-down stabilisation window the policy may use
 * @param maxWindow longest
 * @param extraCost the policy may spend this fraction more replica-hours than the user's own HPA
 *     (0: the same)
 * @param warmUp the oldest part of the history, replayed but never scored, while the replayed
 *     engine learns
 * @param validation the newest part, kept out of the choice and used only to check it
 */
public record PolicySearchSettings(
    int minTargetPercent,
    int maxTargetPercent,
    Duration minWindow,
    Duration maxWindow,
    double extraCost,
    Duration warmUp,
    Duration validation) {

  /** The windows tried between the bounds (besides the bounds themselves), in minutes. */
  static final List<Integer> WINDOW_LADDER_MINUTES = List.of(0, 5, 10, 15, 30, 45, 60);

  public PolicySearchSettings {
    Objects.requireNonNull(minWindow, "minWindow");
    Objects.requireNonNull(maxWindow, "maxWindow");
    Objects.requireNonNull(warmUp, "warmUp");
    Objects.requireNonNull(validation, "validation");
    if (minTargetPercent < 1 || maxTargetPercent > 100 || minTargetPercent > maxTargetPercent) {
      throw new IllegalArgumentException(
          "the policy's CPU targets must lie within 1-100 % with the lowest not "
              + "above the highest, got "
              + minTargetPercent
              + "-"
              + maxTargetPercent
              + " %");
    }
    if (minWindow.isNegative()
        || maxWindow.compareTo(Duration.ofHours(1)) > 0
        || minWindow.compareTo(maxWindow) > 0) {
      throw new IllegalArgumentException(
          "the policy's scale-down windows must lie within 0-1h with the shortest "
              + "not above the longest, got "
              + minWindow
              + "-"
              + maxWindow);
    }
    if (!(extraCost >= 0)) {
      throw new IllegalArgumentException(
          "the policy's extra cost must not be negative, got " + extraCost);
    }
    if (warmUp.isNegative() || validation.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException(
          "the warm-up must not be negative and the validation at least 1m");
    }
  }

  /** The windows the search tries: the bounds and every step of the ladder between them. */
  public List<Duration> windows() {
    TreeSet<Duration> windows = new TreeSet<>(List.of(minWindow, maxWindow));
    for (int minutes : WINDOW_LADDER_MINUTES) {
      Duration w = Duration.ofMinutes(minutes);
      if (w.compareTo(minWindow) >= 0 && w.compareTo(maxWindow) <= 0) {
        windows.add(w);
      }
    }
    return List.copyOf(windows);
  }

  /**
   * The history a search needs: the warm-up, a training part at least as long as the validation,
   * the validation.
   */
  public Duration minHistory() {
    return warmUp.plus(validation).plus(validation);
  }
}
