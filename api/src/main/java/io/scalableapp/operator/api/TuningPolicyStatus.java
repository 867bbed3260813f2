package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * One scaling policy in status.tuning, with what it did on the replayed history when it was
 * replayed.
 */
public class TuningPolicyStatus {
  @JsonPropertyDescription("The HPA's CPU target, in percent.")
  private Integer targetCPUUtilizationPercentage;

  @JsonPropertyDescription("The HPA's behavior.scaleDown.stabilizationWindowSeconds.")
  private Integer scaleDownStabilizationSeconds;

  @JsonPropertyDescription(
      "The floor under the HPA: None (the HPA alone, at replicas.min), Forecast (the "
          + "prediction floor) or RecentLevelNoise (the mean demand of the last 45 minutes plus a noise margin learned "
          + "from the app's history, no forecast).")
  private String floor;

  @JsonPropertyDescription(
      "Under-provisioned minutes on the training part of the history, replayed.")
  private String trainingUnderProvisionedMinutes;

  @JsonPropertyDescription("Replica-hours on the training part, replayed.")
  private String trainingReplicaHours;

  @JsonPropertyDescription(
      "Under-provisioned minutes on the validation part (the newest history, which the choice "
          + "never saw), replayed.")
  private String validationUnderProvisionedMinutes;

  @JsonPropertyDescription("Replica-hours on the validation part, replayed.")
  private String validationReplicaHours;

  public Integer getTargetCPUUtilizationPercentage() {
    return targetCPUUtilizationPercentage;
  }

  public void setTargetCPUUtilizationPercentage(Integer v) {
    this.targetCPUUtilizationPercentage = v;
  }

  public Integer getScaleDownStabilizationSeconds() {
    return scaleDownStabilizationSeconds;
  }

  public void setScaleDownStabilizationSeconds(Integer v) {
    this.scaleDownStabilizationSeconds = v;
  }

  public String getFloor() {
    return floor;
  }

  public void setFloor(String floor) {
    this.floor = floor;
  }

  public String getTrainingUnderProvisionedMinutes() {
    return trainingUnderProvisionedMinutes;
  }

  public void setTrainingUnderProvisionedMinutes(String v) {
    this.trainingUnderProvisionedMinutes = v;
  }

  public String getTrainingReplicaHours() {
    return trainingReplicaHours;
  }

  public void setTrainingReplicaHours(String v) {
    this.trainingReplicaHours = v;
  }

  public String getValidationUnderProvisionedMinutes() {
    return validationUnderProvisionedMinutes;
  }

  public void setValidationUnderProvisionedMinutes(String v) {
    this.validationUnderProvisionedMinutes = v;
  }

  public String getValidationReplicaHours() {
    return validationReplicaHours;
  }

  public void setValidationReplicaHours(String v) {
    this.validationReplicaHours = v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TuningPolicyStatus other
        && Objects.equals(targetCPUUtilizationPercentage, other.targetCPUUtilizationPercentage)
        && Objects.equals(scaleDownStabilizationSeconds, other.scaleDownStabilizationSeconds)
        && Objects.equals(floor, other.floor)
        && Objects.equals(trainingUnderProvisionedMinutes, other.trainingUnderProvisionedMinutes)
        && Objects.equals(trainingReplicaHours, other.trainingReplicaHours)
        && Objects.equals(
            validationUnderProvisionedMinutes, other.validationUnderProvisionedMinutes)
        && Objects.equals(validationReplicaHours, other.validationReplicaHours);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        targetCPUUtilizationPercentage,
        scaleDownStabilizationSeconds,
        floor,
        trainingUnderProvisionedMinutes,
        trainingReplicaHours,
        validationUnderProvisionedMinutes,
        validationReplicaHours);
  }
}
