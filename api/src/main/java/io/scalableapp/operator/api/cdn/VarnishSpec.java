package io.scalableapp.operator.api.cdn;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.scalableapp.operator.api.ReplicasSpec;

@ValidationRule(
    value = "self.minReplicas <= self.maxReplicas",
    message = "cdn.varnish.minReplicas must be less than or equal to cdn.varnish.maxReplicas")
public class VarnishSpec {
  @JsonPropertyDescription("Varnish image of the edge pods.")
  @Default("varnish:7.1")
  @Size(min = 1, max = 512)
  @ValidationRule(
      value = "self == self.trim()",
      message = "cdn.varnish.image must not start or end with whitespace")
  private String image = "varnish:7.1";

  @JsonPropertyDescription(
      "Fewest edge pods; the edge's HPA scales between minReplicas and maxReplicas on CPU.")
  @Default("2")
  @Min(1)
  @Max(ReplicasSpec.MAX_REPLICAS)
  private int minReplicas = 2;

  @JsonPropertyDescription("Most edge pods.")
  @Default("10")
  @Min(1)
  @Max(ReplicasSpec.MAX_REPLICAS)
  private int maxReplicas = 10;

  @JsonPropertyDescription(
      "Memory each edge pod caches objects in, in MiB (Varnish's malloc storage); the pod's "
          + "memory request and limit add room for Varnish itself.")
  @Default("256")
  @Min(16)
  @Max(65536)
  private int cacheSizeMiB = 256;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public int getMinReplicas() {
    return minReplicas;
  }

  public void setMinReplicas(int minReplicas) {
    this.minReplicas = minReplicas;
  }

  public int getMaxReplicas() {
    return maxReplicas;
  }

  public void setMaxReplicas(int maxReplicas) {
    this.maxReplicas = maxReplicas;
  }

  public int getCacheSizeMiB() {
    return cacheSizeMiB;
  }

  public void setCacheSizeMiB(int cacheSizeMiB) {
    this.cacheSizeMiB = cacheSizeMiB;
  }
}
