package io.scalableapp.operator.api.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.EnvVarSource;

/** The schema of one {@code env} entry (a Kubernetes EnvVar). */
public class EnvVarSchema {
  @JsonPropertyDescription(
      "Name of the environment variable: printable ASCII characters other than '='.")
  @Required
  @Size(min = 1, max = 256)
  public String name;

  @JsonPropertyDescription("Value of the variable; $(OTHER) refers to an earlier variable.")
  public String value;

  @JsonPropertyDescription(
      "Where the value comes from instead: a Secret, ConfigMap, field or resource.")
  public EnvVarSource valueFrom;
}
