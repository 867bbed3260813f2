package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** A schedule in force at the last evaluation. */
public class ActiveScheduleStatus {
  @JsonPropertyDescription("The schedule's name in spec.prediction.schedules.")
  private String name;

  @JsonPropertyDescription(
      "Raise (minReplicas: the floor is at least replicas) or Cap (floorCap: the forecast's "
          + "floor is at most replicas).")
  private String effect;

  @JsonPropertyDescription("The schedule's minReplicas or floorCap.")
  private Integer replicas;

  @JsonPropertyDescription("When this window ends.")
  private String until;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEffect() {
    return effect;
  }

  public void setEffect(String effect) {
    this.effect = effect;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public String getUntil() {
    return until;
  }

  public void setUntil(String until) {
    this.until = until;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActiveScheduleStatus other
        && Objects.equals(name, other.name)
        && Objects.equals(effect, other.effect)
        && Objects.equals(replicas, other.replicas)
        && Objects.equals(until, other.until);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, effect, replicas, until);
  }
}
