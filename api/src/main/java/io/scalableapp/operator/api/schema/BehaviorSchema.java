package io.scalableapp.operator.api.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;

/** The schema of {@code autoscaling.behavior} (a Kubernetes HorizontalPodAutoscalerBehavior). */
public class BehaviorSchema {
  @JsonPropertyDescription("How the HPA scales up.")
  public ScalingRules scaleUp;

  @JsonPropertyDescription("How the HPA scales down.")
  public ScalingRules scaleDown;

  /** HPAScalingRules. */
  public static class ScalingRules {
    @JsonPropertyDescription("Rate limits; selectPolicy decides which applies.")
    @Size(max = 10)
    public List<Policy> policies;

    @JsonPropertyDescription("Max (the default), Min or Disabled.")
    public String selectPolicy;

    @JsonPropertyDescription("Seconds of past recommendations considered, 0 to 3600.")
    public Integer stabilizationWindowSeconds;

    @JsonPropertyDescription("Relative change of the metric ignored, e.g. 0.1.")
    public Quantity tolerance;
  }

  /** HPAScalingPolicy. */
  public static class Policy {
    @JsonPropertyDescription("Pods or Percent.")
    public String type;

    @JsonPropertyDescription(
        "How many pods, or what percent of them, may change within periodSeconds; above 0.")
    public Integer value;

    @JsonPropertyDescription("Window of the policy in seconds, 1 to 1800.")
    public Integer periodSeconds;
  }
}
