package io.scalableapp.engine.auto;

import java.time.Duration;
import java.util.Objects;

/**
 * One scaling policy the search can give an app: the HPA's CPU target, its scale-down stabilisation
 * window and the floor that goes into its minReplicas.
 *
 * @param targetPercent the HPA's average CPU utilisation target
 * @param scaleDownWindow the HPA's {@code behavior.scaleDown.stabilizationWindowSeconds}
 * @param floor the floor family ({@link FloorCandidate#name()}), {@value FloorCandidate#NONE} for
 *     the HPA alone at replicas.min
 * @param knobs the floor's settings in words; empty when it has none
 */
public record TunedPolicy(int targetPercent, Duration scaleDownWindow, String floor, String knobs) {

  public TunedPolicy {
    Objects.requireNonNull(scaleDownWindow, "scaleDownWindow");
    Objects.requireNonNull(floor, "floor");
    Objects.requireNonNull(knobs, "knobs");
    if (targetPercent <= 0) {
      throw new IllegalArgumentException("the CPU target must be positive, got " + targetPercent);
    }
  }

  /** The HPA alone, as the user wrote it. */
  public static TunedPolicy reactive(int targetPercent, Duration scaleDownWindow) {
    return new TunedPolicy(targetPercent, scaleDownWindow, FloorCandidate.NONE, "");
  }

  public boolean reactive() {
    return FloorCandidate.NONE.equals(floor);
  }

  /** Whether the HPA part (target, window) differs from {@code other}'s. */
  public boolean hpaDiffers(TunedPolicy other) {
    return targetPercent != other.targetPercent || !scaleDownWindow.equals(other.scaleDownWindow);
  }

  @Override
  public String toString() {
    return "HPA at "
        + targetPercent
        + " % with a "
        + scaleDownWindow.toMinutes()
        + " min scale-down window, floor "
        + floor
        + (knobs.isEmpty() ? "" : " (" + knobs + ")");
  }
}
