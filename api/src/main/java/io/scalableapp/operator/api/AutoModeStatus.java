package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * Why prediction.mode Auto runs the app in Shadow or Enforce: the replay of its own history behind
 * the choice.
 */
public class AutoModeStatus {
  @JsonPropertyDescription("Shadow or Enforce: the mode Auto runs the app in.")
  private String effectiveMode;

  @JsonPropertyDescription("When the app entered that mode.")
  private String since;

  @JsonPropertyDescription(
      "Promoted, Demoted, StillBeating, NotBeating, InsufficientHistory, "
          + "NoHorizontalPodAutoscaler or EvaluationFailed.")
  private String reason;

  @JsonPropertyDescription("The verdict and its figures in words.")
  private String message;

  @JsonPropertyDescription("When the history was last judged.")
  private String evaluatedAt;

  @JsonPropertyDescription("How much demand history the app had, and how much a verdict needs.")
  private String history;

  @JsonPropertyDescription("The scored part of the replayed history (after the warm-up), e.g. 1d.")
  private String window;

  @JsonPropertyDescription("Demand samples the replayed history held.")
  private Integer points;

  @JsonPropertyDescription(
      "Under-provisioned minutes of the forecast floor with the app's HPA, replayed.")
  private String forecastUnderProvisionedMinutes;

  @JsonPropertyDescription("Replica-hours of the forecast floor with the app's HPA, replayed.")
  private String forecastReplicaHours;

  @JsonPropertyDescription(
      "Under-provisioned minutes of the HPA alone at the same replica-hours, on its envelope: "
          + "the best of CPU targets 40-85 % and scale-down stabilisation windows 5-60 min at each cost, interpolated.")
  private String sameCostHpaUnderProvisionedMinutes;

  @JsonPropertyDescription(
      "Under-provisioned minutes of the app's HPA alone, at its own CPU target.")
  private String hpaUnderProvisionedMinutes;

  @JsonPropertyDescription("Replica-hours of the app's HPA alone, at its own CPU target.")
  private String hpaReplicaHours;

  @JsonPropertyDescription(
      "How many percent fewer under-provisioned minutes the forecast had than the same-cost HPA "
          + "(negative: more).")
  private String reductionPercent;

  @JsonPropertyDescription(
      "How many percent more replica-hours the forecast spent than the app's HPA alone.")
  private String extraCostPercent;

  public String getEffectiveMode() {
    return effectiveMode;
  }

  public void setEffectiveMode(String value) {
    this.effectiveMode = value;
  }

  public String getSince() {
    return since;
  }

  public void setSince(String value) {
    this.since = value;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String value) {
    this.reason = value;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String value) {
    this.message = value;
  }

  public String getEvaluatedAt() {
    return evaluatedAt;
  }

  public void setEvaluatedAt(String value) {
    this.evaluatedAt = value;
  }

  public String getHistory() {
    return history;
  }

  public void setHistory(String value) {
    this.history = value;
  }

  public String getWindow() {
    return window;
  }

  public void setWindow(String value) {
    this.window = value;
  }

  public Integer getPoints() {
    return points;
  }

  public void setPoints(Integer value) {
    this.points = value;
  }

  public String getForecastUnderProvisionedMinutes() {
    return forecastUnderProvisionedMinutes;
  }

  public void setForecastUnderProvisionedMinutes(String value) {
    this.forecastUnderProvisionedMinutes = value;
  }

  public String getForecastReplicaHours() {
    return forecastReplicaHours;
  }

  public void setForecastReplicaHours(String value) {
    this.forecastReplicaHours = value;
  }

  public String getSameCostHpaUnderProvisionedMinutes() {
    return sameCostHpaUnderProvisionedMinutes;
  }

  public void setSameCostHpaUnderProvisionedMinutes(String value) {
    this.sameCostHpaUnderProvisionedMinutes = value;
  }

  public String getHpaUnderProvisionedMinutes() {
    return hpaUnderProvisionedMinutes;
  }

  public void setHpaUnderProvisionedMinutes(String value) {
    this.hpaUnderProvisionedMinutes = value;
  }

  public String getHpaReplicaHours() {
    return hpaReplicaHours;
  }

  public void setHpaReplicaHours(String value) {
    this.hpaReplicaHours = value;
  }

  public String getReductionPercent() {
    return reductionPercent;
  }

  public void setReductionPercent(String value) {
    this.reductionPercent = value;
  }

  public String getExtraCostPercent() {
    return extraCostPercent;
  }

  public void setExtraCostPercent(String value) {
    this.extraCostPercent = value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AutoModeStatus other
        && Objects.equals(effectiveMode, other.effectiveMode)
        && Objects.equals(since, other.since)
        && Objects.equals(reason, other.reason)
        && Objects.equals(message, other.message)
        && Objects.equals(evaluatedAt, other.evaluatedAt)
        && Objects.equals(history, other.history)
        && Objects.equals(window, other.window)
        && Objects.equals(points, other.points)
        && Objects.equals(forecastUnderProvisionedMinutes, other.forecastUnderProvisionedMinutes)
        && Objects.equals(forecastReplicaHours, other.forecastReplicaHours)
        && Objects.equals(
            sameCostHpaUnderProvisionedMinutes, other.sameCostHpaUnderProvisionedMinutes)
        && Objects.equals(hpaUnderProvisionedMinutes, other.hpaUnderProvisionedMinutes)
        && Objects.equals(hpaReplicaHours, other.hpaReplicaHours)
        && Objects.equals(reductionPercent, other.reductionPercent)
        && Objects.equals(extraCostPercent, other.extraCostPercent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        effectiveMode,
        since,
        reason,
        message,
        evaluatedAt,
        history,
        window,
        points,
        forecastUnderProvisionedMinutes,
        forecastReplicaHours,
        sameCostHpaUnderProvisionedMinutes,
        hpaUnderProvisionedMinutes,
        hpaReplicaHours,
        reductionPercent,
        extraCostPercent);
  }
}
