package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.scalableapp.engine.auto.TunedPolicy;
import io.scalableapp.operator.api.translate.TuningSpecs;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Switching an HPA's policy never lowers the running replicas: when the CPU target or the
 * scale-down window the operator applies differs from the live HPA's, or the engine's floor stops
 * being enforced (a demotion under Auto, a tuned policy without a floor, prediction set to Shadow
 * or Off), the HPA's minReplicas holds the replicas that run for the longer of the two windows (at
 * least 5 minutes), as the handover does when autoscaling is switched on. Without it a released
 * floor would go in one step: the HPA keeps its metric recommendations, not minReplicas, in its
 * stabilisation window, so a lower minReplicas lets it drop to them at once. The hold is kept in an
 * annotation on the HPA, so a restarted operator keeps it; it ends by itself.
 */
record PolicySwitchHold(int replicas, Instant until) {
  static final String ANNOTATION = "scalableapp.io/policy-switch-hold";

  /** Marks an HPA running a tuned policy, so a switch back to the user's policy is held too. */
  static final String TUNED = "scalableapp.io/tuned-policy";

  static final Duration MIN_HOLD = Duration.ofMinutes(5);

  /**
   * Marks an HPA whose minReplicas carries an enforced engine floor above replicas.min, so the
   * reconciliation that stops enforcing it knows to hold, also after a restart.
   */
  static final String FLOOR_ENFORCED = "scalableapp.io/floor-enforced";

  /**
   * The hold in force after this reconciliation.
   *
   * @param tuned whether tuning is configured or the live HPA runs a tuned policy; other spec edits
   *     are not held
   * @param running the replicas that run now (the Deployment's spec.replicas)
   * @param floorEnforced whether an engine floor is enforced after this reconciliation, at
   *     replicas.min or above: the engine lowers its own floor gradually; only losing it is held
   *     ({@link #FLOOR_ENFORCED})
   */
  static Optional<PolicySwitchHold> of(
      Optional<HorizontalPodAutoscaler> live,
      TunedPolicy applied,
      boolean tuned,
      Optional<Integer> running,
      boolean floorEnforced,
      Instant now) {
    if (live.isEmpty()) {
      return Optional.empty();
    }
    Optional<PolicySwitchHold> kept = parse(live.get()).filter(h -> h.until().isAfter(now));
    boolean marked = annotations(live.get()).containsKey(TUNED);
    Optional<Integer> liveTarget = target(live.get());
    Duration liveWindow = window(live.get());
    boolean switching =
        liveTarget.map(t -> t != applied.targetPercent()).orElse(false)
            || !liveWindow.equals(applied.scaleDownWindow());
    boolean floorReleased = annotations(live.get()).containsKey(FLOOR_ENFORCED) && !floorEnforced;
    if (!((tuned || marked) && switching || floorReleased) || running.isEmpty()) {
      return kept;
    }
    Duration holdFor = max(max(liveWindow, applied.scaleDownWindow()), MIN_HOLD);
    int replicas = Math.max(running.get(), kept.map(PolicySwitchHold::replicas).orElse(0));
    return Optional.of(new PolicySwitchHold(replicas, now.plus(holdFor)));
  }

  String annotationValue() {
    return replicas + "@" + until;
  }

  static Optional<PolicySwitchHold> parse(HorizontalPodAutoscaler hpa) {
    String value = annotations(hpa).get(ANNOTATION);
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.split("@", 2);
    try {
      return Optional.of(new PolicySwitchHold(Integer.parseInt(parts[0]), Instant.parse(parts[1])));
    } catch (NumberFormatException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
      return Optional
          .empty(); // not ours to trust: a hold only ever protects, so dropping a garbled one is
      // safe
    }
  }

  private static Map<String, String> annotations(HorizontalPodAutoscaler hpa) {
    return Optional.ofNullable(hpa.getMetadata().getAnnotations()).orElse(Map.of());
  }

  static Optional<Integer> target(HorizontalPodAutoscaler hpa) {
    return Optional.ofNullable(hpa.getSpec().getMetrics())
        .flatMap(m -> m.stream().findFirst())
        .map(MetricSpec::getResource)
        .map(r -> r.getTarget().getAverageUtilization())
        .filter(Objects::nonNull);
  }

  static Duration window(HorizontalPodAutoscaler hpa) {
    return HorizontalPodAutoscalerDependent.scaleDownWindowSeconds(hpa)
        .map(s -> Duration.ofSeconds(s))
        .orElse(TuningSpecs.DEFAULT_SCALE_DOWN_WINDOW);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
