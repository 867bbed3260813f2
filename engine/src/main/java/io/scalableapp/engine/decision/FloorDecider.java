package io.scalableapp.engine.decision;

import io.scalableapp.engine.Reason;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a desired floor into the floor to apply: clamp to bounds, stabilise scale-downs, limit the
 * rate, clamp again (bounds are hard: a lowered max must win over a rate limit). The result names
 * the last rule that changed the value, so the recommendation can explain itself.
 */
public final class FloorDecider {

  /**
   * @param limitedBy the rule that last changed the value, or null if the desired floor stood
   */
  public record Outcome(int floor, Reason limitedBy, String note) {}

  private FloorDecider() {}

  /**
   * @param recommendations past clamped recommendations (this one is added), for stabilisation
   * @param floors past applied floors (this one is added), for rate limits
   */
  public static Outcome decide(
      int desired,
      int previous,
      FloorLimits limits,
      TimedHistory recommendations,
      TimedHistory floors,
      Instant now) {
    int floor = limits.clamp(desired);
    Reason limitedBy = floor != desired ? Reason.BOUND : null;
    String note = floor != desired ? "clamped to [" + limits.min() + ", " + limits.max() + "]" : "";
    recommendations.add(now, floor);

    if (floor < previous) {
      int stable =
          Math.min(previous, recommendations.maxWithin(now, limits.stabilization(), floor));
      if (stable > floor) {
        note =
            "scale-down to "
                + floor
                + " held at "
                + stable
                + ", the highest recommendation in the last "
                + limits.stabilization();
        floor = stable;
        limitedBy = Reason.STABILIZATION;
      }
    }

    if (floors.isEmpty()) {
      floors.add(now, previous); // the floor in force before the first decision
    }
    int limited = rateLimit(floor, previous, limits, floors, now);
    if (limited != floor) {
      note = "rate limit: " + floor + " -> " + limited + " (previous " + previous + ")";
      floor = limited;
      limitedBy = Reason.RATE_LIMIT;
    }

    int bounded = limits.clamp(floor);
    if (bounded != floor) {
      note = "clamped to [" + limits.min() + ", " + limits.max() + "]";
      floor = bounded;
      limitedBy = Reason.BOUND;
    }
    floors.add(now, floor);
    Duration keep =
        limits.stabilization().compareTo(FloorLimits.RATE_WINDOW) > 0
            ? limits.stabilization()
            : FloorLimits.RATE_WINDOW;
    recommendations.trim(now, keep);
    floors.trim(now, keep);
    return new Outcome(floor, limitedBy, note);
  }

  private static int rateLimit(
      int floor, int previous, FloorLimits limits, TimedHistory floors, Instant now) {
    Duration window = FloorLimits.RATE_WINDOW;
    if (floor > previous) {
      long ceiling =
          (long) Math.min(previous, floors.minInForce(now, window, previous))
              + limits.scaleUpReplicasPerMinute();
      // Never below previous: a limit slows a move, it must not reverse it.
      return (int) Math.max(previous, Math.min(floor, ceiling));
    }
    if (floor < previous) {
      int reference = Math.max(previous, floors.maxInForce(now, window, previous));
      int removable =
          Math.max(1, (int) Math.floor(reference * limits.scaleDownFractionPerMinute()));
      return Math.min(previous, Math.max(floor, reference - removable));
    }
    return floor;
  }
}
