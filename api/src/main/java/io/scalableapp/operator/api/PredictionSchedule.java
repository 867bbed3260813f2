package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(
    value = "has(self.minReplicas) != has(self.floorCap)",
    message =
        "a schedule sets exactly one of minReplicas (raise the floor, e.g. for a sale) "
            + "or floorCap (lower the forecast's floor, e.g. at night)")
public class PredictionSchedule {
  public static final long MIN_DURATION_SECONDS = DurationCel.MINUTE;
  public static final long MAX_DURATION_SECONDS = 31 * DurationCel.DAY;

  @JsonPropertyDescription("Name shown in status and Events, e.g. black-friday or nights.")
  @Required
  @Size(min = 1, max = 63)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  private String name;

  @JsonPropertyDescription(
      "When each window starts: a five-field cron expression (minute hour day-of-month month "
          + "day-of-week, as in crontab), read in timeZone, e.g. \"0 8 27 11 *\" (8:00 on 27 November) or \"0 22 * * *\".")
  @Required
  @Size(max = CronCel.MAX_LENGTH)
  @ValidationRule(
      value = "self.matches('" + CronCel.PATTERN + "')",
      message =
          "cron must be five fields, minute (0-59) hour (0-23) day-of-month (1-31) month (1-12 or JAN-DEC) "
              + "day-of-week (0-7 or SUN-SAT), each *, a value, a range a-b or a list, with an optional /step, "
              + "e.g. \"0 22 * * MON-FRI\"")
  private String cron;

  @JsonPropertyDescription(
      "IANA time zone the cron expression is read in, e.g. Europe/Paris; daylight saving time "
          + "is followed. Default UTC.")
  @Default("UTC")
  @Size(min = 1, max = 64)
  @Pattern("^[A-Za-z][-A-Za-z0-9_+]*(/[-A-Za-z0-9_+]+)*$")
  private String timeZone = "UTC";

  @JsonPropertyDescription("How long each window lasts from its start, from 1m to 31d, e.g. 14h.")
  @Required
  @Pattern(DurationCel.PATTERN)
  @Size(max = DurationCel.MAX_LENGTH)
  @ValidationRule(
      value =
          "!self"
              + DurationCel.READABLE
              + " || (self"
              + DurationCel.IN_SECONDS
              + " >= "
              + MIN_DURATION_SECONDS
              + " && self"
              + DurationCel.IN_SECONDS
              + " <= "
              + MAX_DURATION_SECONDS
              + ")",
      message = "schedule duration must be between 1m and 31d")
  private String duration;

  @JsonPropertyDescription(
      "During the window the floor is at least this many replicas (within replicas.max), "
          + "whatever the forecast says; the HPA still scales above it.")
  @Min(0)
  @Max(ReplicasSpec.MAX_REPLICAS)
  private Integer minReplicas;

  @JsonPropertyDescription(
      "During the window the forecast's floor is at most this many replicas, never below "
          + "replicas.min; the HPA still scales above it. A minReplicas schedule in force at the same time wins.")
  @Min(0)
  @Max(ReplicasSpec.MAX_REPLICAS)
  private Integer floorCap;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCron() {
    return cron;
  }

  public void setCron(String cron) {
    this.cron = cron;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration;
  }

  public Integer getMinReplicas() {
    return minReplicas;
  }

  public void setMinReplicas(Integer minReplicas) {
    this.minReplicas = minReplicas;
  }

  public Integer getFloorCap() {
    return floorCap;
  }

  public void setFloorCap(Integer floorCap) {
    this.floorCap = floorCap;
  }
}
