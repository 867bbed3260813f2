package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(
    value = "self.min <= self.max",
    message = "replicas.min must be less than or equal to replicas.max")
public class ReplicasSpec {
  public static final int MAX_REPLICAS = 10_000;

  @JsonPropertyDescription("Fewest replicas the app runs, whatever the load or forecast.")
  @Default("1")
  @Min(1)
  @Max(MAX_REPLICAS)
  private int min = 1;

  @JsonPropertyDescription("Most replicas the app may scale to.")
  @Default("10")
  @Min(1)
  @Max(MAX_REPLICAS)
  private int max = 10;

  public ReplicasSpec() {}

  public ReplicasSpec(int min, int max) {
    this.min = min;
    this.max = max;
  }

  public int getMin() {
    return min;
  }

  public void setMin(int min) {
    this.min = min;
  }

  public int getMax() {
    return max;
  }

  public void setMax(int max) {
    this.max = max;
  }
}
