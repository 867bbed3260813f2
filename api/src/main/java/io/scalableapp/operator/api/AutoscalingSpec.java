package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.scalableapp.operator.api.schema.BehaviorSchema;

public class AutoscalingSpec {
  @JsonPropertyDescription(
      "Whether a HorizontalPodAutoscaler scales the app between replicas.min and replicas.max. "
          + "Unset: an HPA runs when the container has a CPU request (the HPA measures utilisation against it) and "
          + "replicas.min is below replicas.max. true: an HPA runs whenever replicas.min is below replicas.max, and a CPU "
          + "request is required. false: never. Without an HPA the operator sets the Deployment's replicas itself; "
          + "the Autoscaling condition in status says which case applies and why.")
  private Boolean enabled;

  @JsonPropertyDescription(
      "Average CPU utilisation, in percent of the CPU request, that the HPA aims for.")
  @Default("70")
  @Min(1)
  @Max(1000)
  private int targetCPUUtilizationPercentage = 70;

  @JsonPropertyDescription(
      "Scale-up and scale-down behaviour, passed unchanged to the HPA (autoscaling/v2 behavior).")
  @SchemaFrom(type = BehaviorSchema.class)
  @ValidationRule(
      value = "!has(self.scaleUp)" + AutoscalingSpec.SCALING_RULES_OF_SCALE_UP,
      message = AutoscalingSpec.SCALING_RULES_MESSAGE)
  @ValidationRule(
      value = "!has(self.scaleDown)" + AutoscalingSpec.SCALING_RULES_OF_SCALE_DOWN,
      message = AutoscalingSpec.SCALING_RULES_MESSAGE)
  private HorizontalPodAutoscalerBehavior behavior;

  @JsonPropertyDescription(
      "Opt-in: the operator tunes this HPA from the app's own demand history (needs "
          + "prediction.mode Shadow, Enforce or Auto for the history). About hourly it replays the history through the "
          + "HPA at CPU targets and scale-down windows within these bounds, with and without the forecast floor, chooses "
          + "the policy with the fewest under-provisioned minutes for no more replica-hours than this HPA as written "
          + "(plus extraCostPercent) on the older history, and checks it on the newest (validation). status.tuning shows "
          + "the choice and the figures; each change is an Event. Switching policy never lowers the running replicas.")
  private TuningSpec tuning;

  // The HPA API's own limits (autoscaling/v2 validation), checked here so the HPA is never refused
  // over and over.
  private static final String SCALING_RULES_OF_SCALE_UP =
      " || ("
          + "(!has(self.scaleUp.stabilizationWindowSeconds) || (self.scaleUp.stabilizationWindowSeconds >= 0"
          + " && self.scaleUp.stabilizationWindowSeconds <= 3600))"
          + " && (!has(self.scaleUp.selectPolicy) || self.scaleUp.selectPolicy in ['Max', 'Min', 'Disabled'])"
          + " && (!has(self.scaleUp.policies) || self.scaleUp.policies.all(p, has(p.type) && p.type in ['Pods', 'Percent']"
          + " && has(p.value) && p.value > 0 && has(p.periodSeconds) && p.periodSeconds > 0 && p.periodSeconds <= 1800)))";
  private static final String SCALING_RULES_OF_SCALE_DOWN =
      " || ("
          + "(!has(self.scaleDown.stabilizationWindowSeconds) || (self.scaleDown.stabilizationWindowSeconds >= 0"
          + " && self.scaleDown.stabilizationWindowSeconds <= 3600))"
          + " && (!has(self.scaleDown.selectPolicy) || self.scaleDown.selectPolicy in ['Max', 'Min', 'Disabled'])"
          + " && (!has(self.scaleDown.policies) || self.scaleDown.policies.all(p, has(p.type)"
          + " && p.type in ['Pods', 'Percent']"
          + " && has(p.value) && p.value > 0 && has(p.periodSeconds) && p.periodSeconds > 0 && p.periodSeconds <= 1800)))";
  private static final String SCALING_RULES_MESSAGE =
      "autoscaling.behavior must be a valid HPA behavior: "
          + "stabilizationWindowSeconds from 0 to 3600, selectPolicy Max, Min or Disabled, and each policy with type Pods "
          + "or Percent, a value above 0 and periodSeconds from 1 to 1800";

  /** Null when the user left it unset; see {@code AutoscalingEnabled} for what that means. */
  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public int getTargetCPUUtilizationPercentage() {
    return targetCPUUtilizationPercentage;
  }

  public void setTargetCPUUtilizationPercentage(int value) {
    this.targetCPUUtilizationPercentage = value;
  }

  /** Null unless the user opted in. */
  public TuningSpec getTuning() {
    return tuning;
  }

  public void setTuning(TuningSpec tuning) {
    this.tuning = tuning;
  }

  public HorizontalPodAutoscalerBehavior getBehavior() {
    return behavior;
  }

  public void setBehavior(HorizontalPodAutoscalerBehavior behavior) {
    this.behavior = behavior;
  }
}
