package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;

public class AutoscalingSpec {
  @JsonPropertyDescription("Whether a HorizontalPodAutoscaler scales the app between replicas.min and replicas.max. "
      + "When false the operator sets the Deployment's replicas itself.")
  @Default("true")
  private boolean enabled = true;

  @JsonPropertyDescription("Average CPU utilisation, in percent of the CPU request, that the HPA aims for.")
  @Default("70")
  @Min(1)
  @Max(1000)
  private int targetCPUUtilizationPercentage = 70;

  @JsonPropertyDescription("Scale-up and scale-down behaviour, passed unchanged to the HPA (autoscaling/v2 behavior).")
  private HorizontalPodAutoscalerBehavior behavior;

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
  public int getTargetCPUUtilizationPercentage() { return targetCPUUtilizationPercentage; }
  public void setTargetCPUUtilizationPercentage(int value) { this.targetCPUUtilizationPercentage = value; }
  public HorizontalPodAutoscalerBehavior getBehavior() { return behavior; }
  public void setBehavior(HorizontalPodAutoscalerBehavior behavior) { this.behavior = behavior; }
}
