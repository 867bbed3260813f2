package io.scalableapp.engine.decision;

import java.time.Duration;

/**
 * How far and how fast the floor may move.
 *
 * <p>Rate limits are defined over a sliding minute, like the HPA's {@code behavior} policies, so
 * they mean the same whatever the evaluation interval:
 *
 * <ul>
 *   <li>scale-up: the floor may be at most {@code scaleUpReplicasPerMinute} above the lowest floor
 *       applied during the past minute ({@link Integer#MAX_VALUE} = unlimited);
 *   <li>scale-down: at most {@code scaleDownFractionPerMinute} of the highest floor applied during
 *       the past minute may be removed, rounded down but always at least one replica, so small
 *       floors can still come down (1.0 = unlimited).
 * </ul>
 *
 * A scale-down also waits for {@code stabilization}: it goes only as low as the highest
 * recommendation made during that window.
 */
public record FloorLimits(
    int min,
    int max,
    int scaleUpReplicasPerMinute,
    double scaleDownFractionPerMinute,
    Duration stabilization) {

  public static final Duration RATE_WINDOW = Duration.ofMinutes(1);

  public FloorLimits {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("need 0 <= min <= max, got min=" + min + " max=" + max);
    }
    if (scaleUpReplicasPerMinute < 1) {
      throw new IllegalArgumentException("scaleUpReplicasPerMinute must be >= 1");
    }
    if (!(scaleDownFractionPerMinute > 0 && scaleDownFractionPerMinute <= 1)) {
      throw new IllegalArgumentException("scaleDownFractionPerMinute must be in (0, 1]");
    }
  }

  public int clamp(int replicas) {
    return Math.max(min, Math.min(max, replicas));
  }
}
