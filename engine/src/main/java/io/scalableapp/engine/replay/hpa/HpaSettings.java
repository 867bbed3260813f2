package io.scalableapp.engine.replay.hpa;

import java.time.Duration;
import java.util.List;

/**
 * The HPA knobs the model honours. {@link #kubernetesDefaults} are the autoscaling/v2 defaults
 * (v1.34): 15 s sync, 10 % tolerance, no scale-up stabilisation, 5 min scale-down stabilisation,
 * scale up by max(100 %, 4 pods) per 15 s, scale down by 100 % per 15 s. Only the "Max" select
 * policy is modelled; it is the default for both directions.
 */
public record HpaSettings(
    int targetUtilizationPercent,
    double tolerance,
    Duration syncPeriod,
    Duration scaleUpStabilization,
    Duration scaleDownStabilization,
    List<HpaScalingPolicy> scaleUpPolicies,
    List<HpaScalingPolicy> scaleDownPolicies,
    int maxReplicas) {

  public static final Duration DEFAULT_SYNC_PERIOD = Duration.ofSeconds(15);

  public static HpaSettings kubernetesDefaults(int targetUtilizationPercent, int maxReplicas) {
    Duration period = Duration.ofSeconds(15);
    return new HpaSettings(
        targetUtilizationPercent,
        0.1,
        DEFAULT_SYNC_PERIOD,
        Duration.ZERO,
        Duration.ofMinutes(5),
        List.of(HpaScalingPolicy.percent(100, period), HpaScalingPolicy.pods(4, period)),
        List.of(HpaScalingPolicy.percent(100, period)),
        maxReplicas);
  }

  public HpaSettings {
    if (targetUtilizationPercent <= 0) {
      throw new IllegalArgumentException("target utilisation must be positive");
    }
    if (scaleUpPolicies.isEmpty() || scaleDownPolicies.isEmpty()) {
      throw new IllegalArgumentException("each direction needs at least one policy");
    }
    scaleUpPolicies = List.copyOf(scaleUpPolicies);
    scaleDownPolicies = List.copyOf(scaleDownPolicies);
  }

  /**
   * The same HPA at another CPU target (a search sweeps the target and keeps the user's behavior).
   */
  public HpaSettings withTarget(int percent) {
    return new HpaSettings(
        percent,
        tolerance,
        syncPeriod,
        scaleUpStabilization,
        scaleDownStabilization,
        scaleUpPolicies,
        scaleDownPolicies,
        maxReplicas);
  }

  /**
   * The same HPA with another scale-down stabilisation window ({@code
   * behavior.scaleDown.stabilizationWindowSeconds}).
   */
  public HpaSettings withScaleDownStabilization(Duration window) {
    return new HpaSettings(
        targetUtilizationPercent,
        tolerance,
        syncPeriod,
        scaleUpStabilization,
        window,
        scaleUpPolicies,
        scaleDownPolicies,
        maxReplicas);
  }

  public Duration longestScaleUpPeriod() {
    return scaleUpPolicies.stream()
        .map(HpaScalingPolicy::period)
        .max(Duration::compareTo)
        .orElseThrow();
  }

  public Duration longestScaleDownPeriod() {
    return scaleDownPolicies.stream()
        .map(HpaScalingPolicy::period)
        .max(Duration::compareTo)
        .orElseThrow();
  }
}
