package io.scalableapp.engine.replay.hpa;

import java.time.Duration;

/**
 * One entry of an HPA behavior's {@code policies}: change by {@code value} pods or percent per
 * period.
 */
public record HpaScalingPolicy(Type type, int value, Duration period) {

  public enum Type {
    PODS,
    PERCENT
  }

  public static HpaScalingPolicy pods(int value, Duration period) {
    return new HpaScalingPolicy(Type.PODS, value, period);
  }

  public static HpaScalingPolicy percent(int value, Duration period) {
    return new HpaScalingPolicy(Type.PERCENT, value, period);
  }
}
