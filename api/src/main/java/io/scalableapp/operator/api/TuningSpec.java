package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * spec.autoscaling.tuning: the operator chooses the HPA's CPU target, its scale-down stabilisation
 * window and the floor family from the app's own demand history, within bounds the user sets, and
 * runs the choice only when it beats the HPA the user wrote on history the choice never saw.
 */
@ValidationRule(
    value = "self.minTargetCPUUtilizationPercentage <= self.maxTargetCPUUtilizationPercentage",
    message =
        "autoscaling.tuning.minTargetCPUUtilizationPercentage must not exceed maxTargetCPUUtilizationPercentage")
@ValidationRule(
    value = "self.minScaleDownStabilizationSeconds <= self.maxScaleDownStabilizationSeconds",
    message =
        "autoscaling.tuning.minScaleDownStabilizationSeconds must not exceed maxScaleDownStabilizationSeconds")
public class TuningSpec {
  public static final long MIN_VALIDATION_SECONDS = DurationCel.HOUR;
  public static final long MAX_VALIDATION_SECONDS = 7 * DurationCel.DAY;

  public enum Mode {
    Recommend,
    Apply
  }

  /**
   * A floor family the policy may put under the HPA, named as status.tuning shows it; the HPA alone
   * (floor None) is always a candidate, so it is not listed.
   */
  public enum Floor {
    Forecast,
    RecentLevelNoise
  }

  @JsonPropertyDescription(
      "Recommend: search and report the policy in status.tuning, change nothing. Apply: run "
          + "the chosen policy (the HPA's target and behavior.scaleDown.stabilizationWindowSeconds, and under "
          + "prediction.mode Auto which floor runs, if any, among those floors allows: the forecast floor or a "
          + "noise-sized floor on the recent demand level) once it beats your HPA on the validation history; "
          + "until then, and whenever it stops, your HPA runs as written.")
  @Default("Recommend")
  private Mode mode = Mode.Recommend;

  @JsonPropertyDescription("Lowest HPA CPU target, in percent, the policy may use (1-100).")
  @Default("50")
  @Min(1)
  @Max(100)
  private int minTargetCPUUtilizationPercentage = 50;

  @JsonPropertyDescription("Highest HPA CPU target, in percent, the policy may use (1-100).")
  @Default("90")
  @Min(1)
  @Max(100)
  private int maxTargetCPUUtilizationPercentage = 90;

  @JsonPropertyDescription(
      "Shortest scale-down stabilisation window, in seconds, the policy may use (0-3600).")
  @Default("0")
  @Min(0)
  @Max(3600)
  private int minScaleDownStabilizationSeconds = 0;

  @JsonPropertyDescription(
      "Longest scale-down stabilisation window, in seconds, the policy may use (0-3600). A "
          + "longer window keeps replicas through short dips, which pays on bursty traffic.")
  @Default("1800")
  @Min(0)
  @Max(3600)
  private int maxScaleDownStabilizationSeconds = 1800;

  @JsonPropertyDescription(
      "How many percent more replica-hours than your HPA (on the same history) the policy may "
          + "spend; 0, the default, buys fewer under-provisioned minutes for the same cost. 0-100.")
  @Default("0")
  @Min(0)
  @Max(100)
  private int extraCostPercent = 0;

  @JsonPropertyDescription(
      "The newest part of the demand history, kept out of the choice and used to check it: the "
          + "policy runs only if it beats your HPA there. From 1h to 7d; twice this must fit in prediction.lookback "
          + "with the warm-up.")
  @Default("1d")
  @Pattern(DurationCel.PATTERN)
  @Size(max = DurationCel.MAX_LENGTH)
  @ValidationRule(
      value =
          "!self"
              + DurationCel.READABLE
              + " || (self"
              + DurationCel.IN_SECONDS
              + " >= "
              + MIN_VALIDATION_SECONDS
              + " && self"
              + DurationCel.IN_SECONDS
              + " <= "
              + MAX_VALIDATION_SECONDS
              + ")",
      message = "autoscaling.tuning.validation must be between 1h and 7d")
  private String validation = "1d";

  @JsonPropertyDescription(
      "The floor families the policy may choose under prediction.mode Auto, named as "
          + "status.tuning.*.floor shows them: Forecast (the prediction floor: forecast peak plus margin) and "
          + "RecentLevelNoise (the mean demand of the last 45 minutes plus a noise margin learned from the app's "
          + "history, no forecast). The HPA alone (floor None) is always a candidate; [] tunes the HPA alone. "
          + "Defaults to both. Other modes fix the floor (Enforce runs the forecast floor, Shadow none), so "
          + "they accept only the default.")
  @Default("[\"Forecast\",\"RecentLevelNoise\"]")
  @Size(max = 2)
  @ValidationRule(
      value = "self.all(f, self.exists_one(g, g == f))",
      message = "autoscaling.tuning.floors must not name a family twice")
  private List<Floor> floors = new ArrayList<>(List.of(Floor.values()));

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public int getMinTargetCPUUtilizationPercentage() {
    return minTargetCPUUtilizationPercentage;
  }

  public void setMinTargetCPUUtilizationPercentage(int v) {
    this.minTargetCPUUtilizationPercentage = v;
  }

  public int getMaxTargetCPUUtilizationPercentage() {
    return maxTargetCPUUtilizationPercentage;
  }

  public void setMaxTargetCPUUtilizationPercentage(int v) {
    this.maxTargetCPUUtilizationPercentage = v;
  }

  public int getMinScaleDownStabilizationSeconds() {
    return minScaleDownStabilizationSeconds;
  }

  public void setMinScaleDownStabilizationSeconds(int v) {
    this.minScaleDownStabilizationSeconds = v;
  }

  public int getMaxScaleDownStabilizationSeconds() {
    return maxScaleDownStabilizationSeconds;
  }

  public void setMaxScaleDownStabilizationSeconds(int v) {
    this.maxScaleDownStabilizationSeconds = v;
  }

  public int getExtraCostPercent() {
    return extraCostPercent;
  }

  public void setExtraCostPercent(int v) {
    this.extraCostPercent = v;
  }

  public List<Floor> getFloors() {
    return floors;
  }

  public void setFloors(List<Floor> floors) {
    this.floors = floors;
  }

  public String getValidation() {
    return validation;
  }

  public void setValidation(String validation) {
    this.validation = validation;
  }
}
