package io.scalableapp.operator.api.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

/**
 * The schema of {@code resources} (a Kubernetes ResourceRequirements without claims, which the
 * app's pods never declare). Six resources each (cpu, memory, ephemeral-storage, two hugepage
 * sizes, one extended resource) keep the CEL rules on their quantities within the API server's cost
 * budget.
 */
public class ResourcesSchema {
  @JsonPropertyDescription(
      "Resources the scheduler reserves for the container, e.g. cpu: 250m, memory: 128Mi.")
  @Size(max = 6)
  public Map<String, Quantity> requests;

  @JsonPropertyDescription("Most the container may use, e.g. memory: 256Mi.")
  @Size(max = 6)
  public Map<String, Quantity> limits;
}
