package io.scalableapp.engine.decision;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * A floor for bursty traffic: after a step whose demand exceeds {@code jumpRatio} x the mean of the
 * {@link #LEVEL_WINDOW} before it, keep capacity for the highest demand of the last {@code holdFor}
 * at targetPerReplica, until {@code holdFor} has passed without another such jump. A jump bigger
 * than the HPA's headroom outruns it for a pod start-up; bursts come in clusters, so holding
 * through the rest of a bursty spell is cheaper than holding more capacity all day.
 *
 * <p>It reads only the demand history the engine fetches at every evaluation (completed steps,
 * never the one in progress), so it keeps no state of its own: after a restart the first evaluation
 * recomputes the same hold.
 *
 * @param jumpRatio how much a step must exceed the recent level to count as a jump; above 1
 * @param holdFor how long a jump keeps the hold, and how far back its peak is read
 */
public record SurgeHold(double jumpRatio, Duration holdFor) {

  /**
   * The recent level a step is compared with: long enough to ignore one noisy step, short enough to
   * follow a trend.
   */
  public static final Duration LEVEL_WINDOW = Duration.ofMinutes(10);

  public SurgeHold {
    if (!(jumpRatio > 1) || Double.isInfinite(jumpRatio)) {
      throw new IllegalArgumentException(
          "surge hold jumpRatio must be a number above 1, was " + jumpRatio);
    }
    if (holdFor == null || holdFor.isNegative() || holdFor.isZero()) {
      throw new IllegalArgumentException("surge hold holdFor must be positive, was " + holdFor);
    }
  }

  /**
   * History the hold reads back from now: the hold itself plus the level before its oldest possible
   * jump.
   */
  public Duration reach() {
    return holdFor.plus(LEVEL_WINDOW);
  }

  /**
   * The hold in force at {@code now}, if a jump happened within the last {@code holdFor}.
   *
   * @param history demand, each point stamped at the end of the step it covers; NaN = missing
   * @param targetPerReplica demand one replica serves at the HPA's target
   */
  public Optional<Hold> at(Series history, double targetPerReplica, Instant now) {
    int levelSteps = Math.max(1, (int) (LEVEL_WINDOW.toMillis() / history.step().toMillis()));
    Instant since = now.minus(holdFor);
    int lastJump = -1;
    double lastJumpRatio = Double.NaN;
    double peak = Double.NaN;
    for (int i = history.size() - 1; i >= 0 && history.timeAt(i).isAfter(since); i--) {
      if (history.timeAt(i).isAfter(now)) {
        continue; // not complete at now
      }
      double v = history.get(i);
      if (Double.isNaN(v)) {
        continue;
      }
      peak = Double.isNaN(peak) ? v : Math.max(peak, v);
      if (lastJump < 0) {
        double ratio = v / level(history, i, levelSteps);
        if (ratio > jumpRatio) {
          lastJump = i;
          lastJumpRatio = ratio;
        }
      }
    }
    if (lastJump < 0) {
      return Optional.empty();
    }
    // The epsilon keeps float noise (e.g. 3.0000000000000004) from costing a whole replica.
    int replicas = (int) Math.min(Integer.MAX_VALUE, Math.ceil(peak / targetPerReplica - 1e-9));
    Instant jumpAt = history.timeAt(lastJump);
    return Optional.of(new Hold(replicas, peak, lastJumpRatio, jumpAt, jumpAt.plus(holdFor)));
  }

  /**
   * Mean of the observed points among the {@code steps} before {@code i}; NaN if none (no jump
   * then).
   */
  private static double level(Series history, int i, int steps) {
    double sum = 0;
    int n = 0;
    for (int k = Math.max(0, i - steps); k < i; k++) {
      double v = history.get(k);
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 || sum <= 0 ? Double.NaN : sum / n;
  }

  /**
   * A hold in force.
   *
   * @param replicas replicas for {@code peak} at targetPerReplica
   * @param peak highest demand since {@code holdFor} ago
   * @param ratio how much the last jump exceeded its level
   * @param jumpAt end of the step of the last jump
   * @param until when the hold ends unless another jump comes
   */
  public record Hold(int replicas, double peak, double ratio, Instant jumpAt, Instant until) {

    private static final DateTimeFormatter CLOCK =
        DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * e.g. "surge hold: 14 replicas for the peak 123.4 of the last 1h, 42 more min after a 1.80x
     * jump at 12:03 UTC".
     */
    public String describe(Duration holdFor, Instant now) {
      long minutesLeft = (long) Math.ceil(Duration.between(now, until).toSeconds() / 60.0);
      return String.format(
          Locale.ROOT,
          "surge hold: %d replicas for the peak %.4g of the last %s, %d more min "
              + "after a %.2fx jump at %s UTC",
          replicas,
          peak,
          human(holdFor),
          minutesLeft,
          ratio,
          CLOCK.format(jumpAt));
    }

    private static String human(Duration d) {
      return d.toSeconds() % 3600 == 0
          ? d.toHours() + "h"
          : d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }
  }
}
