package io.scalableapp.operator.whatif;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.scalableapp.engine.replay.hpa.HpaScalingPolicy;
import io.scalableapp.engine.replay.hpa.HpaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An app's {@code spec.autoscaling.behavior} as the replay's HPA model runs it: each direction's
 * stabilisation window and policies, Kubernetes' defaults for whatever is unset. The model selects
 * the policy that allows the largest change (selectPolicy Max, the default); an app that asks for
 * another is refused by name rather than replayed as if.
 */
final class HpaBehaviors {
  private HpaBehaviors() {}

  static HpaSettings settings(
      HorizontalPodAutoscalerBehavior behavior, int targetPercent, int maxReplicas) {
    HpaSettings defaults = HpaSettings.kubernetesDefaults(targetPercent, maxReplicas);
    if (behavior == null) {
      return defaults;
    }
    Optional<HPAScalingRules> up = Optional.ofNullable(behavior.getScaleUp());
    Optional<HPAScalingRules> down = Optional.ofNullable(behavior.getScaleDown());
    return new HpaSettings(
        targetPercent,
        defaults.tolerance(),
        defaults.syncPeriod(),
        window(up, "scaleUp").orElse(defaults.scaleUpStabilization()),
        window(down, "scaleDown").orElse(defaults.scaleDownStabilization()),
        policies(up, "scaleUp").orElse(defaults.scaleUpPolicies()),
        policies(down, "scaleDown").orElse(defaults.scaleDownPolicies()),
        maxReplicas);
  }

  private static Optional<Duration> window(Optional<HPAScalingRules> rules, String direction) {
    rules
        .map(HPAScalingRules::getSelectPolicy)
        .filter(p -> !"Max".equals(p))
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(
                  "autoscaling.behavior."
                      + direction
                      + ".selectPolicy "
                      + p
                      + " cannot be "
                      + "replayed: the what-if's HPA model selects the policy allowing the largest change (Max, the default)");
            });
    return rules.map(HPAScalingRules::getStabilizationWindowSeconds).map(Duration::ofSeconds);
  }

  private static Optional<List<HpaScalingPolicy>> policies(
      Optional<HPAScalingRules> rules, String direction) {
    return rules
        .map(HPAScalingRules::getPolicies)
        .filter(p -> !p.isEmpty())
        .map(p -> p.stream().map(policy(direction)).toList());
  }

  private static Function<HPAScalingPolicy, HpaScalingPolicy> policy(String direction) {
    return p -> {
      Duration period = Duration.ofSeconds(p.getPeriodSeconds());
      return switch (p.getType()) {
        case "Pods" -> HpaScalingPolicy.pods(p.getValue(), period);
        case "Percent" -> HpaScalingPolicy.percent(p.getValue(), period);
        default ->
            throw new IllegalArgumentException(
                "autoscaling.behavior."
                    + direction
                    + ".policies type "
                    + p.getType()
                    + " is neither Pods nor Percent");
      };
    };
  }
}
