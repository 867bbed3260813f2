package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/**
 * What the forecaster last saw and decided, so `kubectl get sapp -o yaml` explains the replica
 * floor.
 */
public class PredictionStatus {
  @JsonPropertyDescription(
      "Off, Shadow or Enforce, as evaluated; under mode Auto, the mode its evidence chose.")
  private String mode;

  @JsonPropertyDescription("Forecast demand for the next step, in the unit of the query.")
  private String forecast;

  @JsonPropertyDescription("Highest forecast demand within the horizon.")
  private String forecastPeak;

  @JsonPropertyDescription("How far ahead the floor provisions.")
  private String horizon;

  @JsonPropertyDescription("Replica floor the forecast asks for (applied only in Enforce mode).")
  private Integer recommendedReplicas;

  @JsonPropertyDescription("Model that produced the forecast.")
  private String model;

  @JsonPropertyDescription(
      "Rolling forecast error against the demand that followed, in percent (weighted MAPE).")
  private String recentErrorPercent;

  @JsonPropertyDescription("The last evaluation: when, floor before and after, and why.")
  private ScalingDecision lastDecision;

  @JsonPropertyDescription(
      "Schedules in force at the last evaluation (spec.prediction.schedules); "
          + "lastDecision says whether they moved the floor.")
  private List<ActiveScheduleStatus> activeSchedules;

  @JsonPropertyDescription(
      "Under prediction.mode Auto: the mode it chose and the replay of the app's own history "
          + "behind the choice.")
  private AutoModeStatus autoMode;

  public String getMode() {
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public String getForecast() {
    return forecast;
  }

  public void setForecast(String forecast) {
    this.forecast = forecast;
  }

  public String getForecastPeak() {
    return forecastPeak;
  }

  public void setForecastPeak(String forecastPeak) {
    this.forecastPeak = forecastPeak;
  }

  public String getHorizon() {
    return horizon;
  }

  public void setHorizon(String horizon) {
    this.horizon = horizon;
  }

  public Integer getRecommendedReplicas() {
    return recommendedReplicas;
  }

  public void setRecommendedReplicas(Integer recommendedReplicas) {
    this.recommendedReplicas = recommendedReplicas;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public String getRecentErrorPercent() {
    return recentErrorPercent;
  }

  public void setRecentErrorPercent(String value) {
    this.recentErrorPercent = value;
  }

  public ScalingDecision getLastDecision() {
    return lastDecision;
  }

  public void setLastDecision(ScalingDecision lastDecision) {
    this.lastDecision = lastDecision;
  }

  public List<ActiveScheduleStatus> getActiveSchedules() {
    return activeSchedules;
  }

  public void setActiveSchedules(List<ActiveScheduleStatus> value) {
    this.activeSchedules = value;
  }

  public AutoModeStatus getAutoMode() {
    return autoMode;
  }

  public void setAutoMode(AutoModeStatus value) {
    this.autoMode = value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PredictionStatus other
        && Objects.equals(mode, other.mode)
        && Objects.equals(forecast, other.forecast)
        && Objects.equals(forecastPeak, other.forecastPeak)
        && Objects.equals(horizon, other.horizon)
        && Objects.equals(recommendedReplicas, other.recommendedReplicas)
        && Objects.equals(model, other.model)
        && Objects.equals(recentErrorPercent, other.recentErrorPercent)
        && Objects.equals(lastDecision, other.lastDecision)
        && Objects.equals(activeSchedules, other.activeSchedules)
        && Objects.equals(autoMode, other.autoMode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        mode,
        forecast,
        forecastPeak,
        horizon,
        recommendedReplicas,
        model,
        recentErrorPercent,
        lastDecision,
        activeSchedules,
        autoMode);
  }
}
