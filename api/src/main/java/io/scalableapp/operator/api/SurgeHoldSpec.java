package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * spec.prediction.surgeHold: after a sudden jump of demand, keep capacity for the recent peak for a
 * while.
 */
public class SurgeHoldSpec {
  public static final long MIN_HOLD_SECONDS = DurationCel.MINUTE;
  public static final long MAX_HOLD_SECONDS = 6 * DurationCel.HOUR;

  /**
   * The level a minute is compared with (the engine's SurgeHold.LEVEL_WINDOW); the lookback must
   * cover it too.
   */
  public static final long LEVEL_WINDOW_SECONDS = 10 * DurationCel.MINUTE;

  @JsonPropertyDescription(
      "A step of demand counts as a jump when it exceeds the mean of the 10 minutes before it "
          + "by more than this factor. Default 1.25, the ratio the scaling lab chose on NASA's training part (1.43 would be "
          + "the headroom of a 70 % CPU target). Above 1, at most 100.")
  @Default("1.25")
  @ValidationRule(
      value = "self > 1.0 && self <= 100.0",
      message =
          "prediction.surgeHold.jumpRatio must be above 1 (a jump is demand above its recent level) and at most 100")
  private Double jumpRatio = 1.25;

  @JsonPropertyDescription(
      "After a jump, the floor keeps the replicas (at targetPerReplica) for the highest demand "
          + "of this long, until this long has passed without another jump; from 1m to 6h, and at most the lookback "
          + "minus 10m.")
  @Default("1h")
  @Pattern(DurationCel.PATTERN)
  @Size(max = DurationCel.MAX_LENGTH)
  @ValidationRule(
      value =
          "!self"
              + DurationCel.READABLE
              + " || (self"
              + DurationCel.IN_SECONDS
              + " >= "
              + MIN_HOLD_SECONDS
              + " && self"
              + DurationCel.IN_SECONDS
              + " <= "
              + MAX_HOLD_SECONDS
              + ")",
      message = "prediction.surgeHold.holdFor must be between 1m and 6h")
  private String holdFor = "1h";

  public Double getJumpRatio() {
    return jumpRatio;
  }

  public void setJumpRatio(Double jumpRatio) {
    this.jumpRatio = jumpRatio;
  }

  public String getHoldFor() {
    return holdFor;
  }

  public void setHoldFor(String holdFor) {
    this.holdFor = holdFor;
  }
}
