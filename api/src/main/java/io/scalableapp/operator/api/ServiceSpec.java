package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.LinkedHashMap;
import java.util.Map;

public class ServiceSpec {
  public enum Type {
    ClusterIP,
    NodePort,
    LoadBalancer
  }

  @JsonPropertyDescription("How the Service is exposed: ClusterIP, NodePort or LoadBalancer.")
  @Default("ClusterIP")
  private Type type = Type.ClusterIP;

  @JsonPropertyDescription(
      "Port the Service listens on; traffic goes to the container's spec.port.")
  @Default("80")
  @Min(1)
  @Max(65535)
  private int port = 80;

  @JsonPropertyDescription("Annotations put on the Service, e.g. for a cloud load balancer.")
  @Size(max = 64)
  // The API's rule for annotation keys: an optional DNS-subdomain prefix and a name of at most 63
  // characters.
  @ValidationRule(
      value =
          "self.all(k, k.matches("
              + "'^([a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$'))",
      message =
          "service.annotations keys must be a name of letters, digits, '-', '_' and '.' (at most 63 characters), "
              + "optionally prefixed by a DNS subdomain and '/', e.g. service.beta.kubernetes.io/aws-load-balancer-type")
  private Map<String, String> annotations = new LinkedHashMap<>();

  public Type getType() {
    return type;
  }

  public void setType(Type type) {
    this.type = type;
  }

  public int getPort() {
    return port;
  }

  public void setPort(int port) {
    this.port = port;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }
}
