package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

public class ScalingDecision {
  @JsonPropertyDescription(
      "When the decision was first made; later evaluations reaching the same decision, with "
          + "the same forecast, do not restamp it.")
  private String time;

  @JsonPropertyDescription("Replica floor before the decision.")
  private Integer from;

  @JsonPropertyDescription("Replica floor after the decision.")
  private Integer to;

  @JsonPropertyDescription(
      "Forecast, NoiseFloor, Reactive, Bound, Stabilization, RateLimit, Fallback, Schedule, SurgeHold or Hold.")
  private String reason;

  @JsonPropertyDescription("Why, in words.")
  private String message;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public Integer getFrom() {
    return from;
  }

  public void setFrom(Integer from) {
    this.from = from;
  }

  public Integer getTo() {
    return to;
  }

  public void setTo(Integer to) {
    this.to = to;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScalingDecision other
        && Objects.equals(time, other.time)
        && Objects.equals(from, other.from)
        && Objects.equals(to, other.to)
        && Objects.equals(reason, other.reason)
        && Objects.equals(message, other.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(time, from, to, reason, message);
  }
}
