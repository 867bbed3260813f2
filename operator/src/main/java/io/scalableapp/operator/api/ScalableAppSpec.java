package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;

// The HPA measures CPU utilisation against the request; without one it cannot scale at all.
@ValidationRule(
    value = "(has(self.autoscaling) && has(self.autoscaling.enabled) && !self.autoscaling.enabled)"
        + " || (has(self.resources) && has(self.resources.requests) && 'cpu' in self.resources.requests)",
    message = "resources.requests.cpu is required while autoscaling is enabled: "
        + "the HPA measures CPU utilisation as a percentage of the request")
public class ScalableAppSpec {
  @JsonPropertyDescription("Container image of the app, e.g. ghcr.io/acme/shop:1.4.2.")
  @Required
  @Size(min = 1)
  private String image;

  @JsonPropertyDescription("Port the app listens on inside the container.")
  @Default("8080")
  @Min(1)
  @Max(65535)
  private int port = 8080;

  @JsonPropertyDescription("Environment variables of the app container.")
  private List<EnvVar> env = new ArrayList<>();

  @JsonPropertyDescription("CPU and memory requests and limits of the app container. "
      + "A CPU request is required while autoscaling is enabled.")
  private ResourceRequirements resources;

  @JsonPropertyDescription("HTTP readiness and liveness probes of the app container.")
  private ProbesSpec probes = new ProbesSpec();

  @JsonPropertyDescription("Bounds on the number of replicas; autoscaling and predictive scaling stay within them.")
  private ReplicasSpec replicas = new ReplicasSpec();

  @JsonPropertyDescription("The Service in front of the app.")
  private ServiceSpec service = new ServiceSpec();

  @JsonPropertyDescription("Reactive autoscaling by a HorizontalPodAutoscaler.")
  private AutoscalingSpec autoscaling = new AutoscalingSpec();

  @JsonPropertyDescription("Predictive scaling: forecast demand from Prometheus and raise capacity before it arrives.")
  private PredictionSpec prediction = new PredictionSpec();

  public PredictionSpec getPrediction() { return prediction; }
  public void setPrediction(PredictionSpec prediction) { this.prediction = prediction; }
  public String getImage() { return image; }
  public void setImage(String image) { this.image = image; }
  public int getPort() { return port; }
  public void setPort(int port) { this.port = port; }
  public List<EnvVar> getEnv() { return env; }
  public void setEnv(List<EnvVar> env) { this.env = env; }
  public ResourceRequirements getResources() { return resources; }
  public void setResources(ResourceRequirements resources) { this.resources = resources; }
  public ProbesSpec getProbes() { return probes; }
  public void setProbes(ProbesSpec probes) { this.probes = probes; }
  public ReplicasSpec getReplicas() { return replicas; }
  public void setReplicas(ReplicasSpec replicas) { this.replicas = replicas; }
  public ServiceSpec getService() { return service; }
  public void setService(ServiceSpec service) { this.service = service; }
  public AutoscalingSpec getAutoscaling() { return autoscaling; }
  public void setAutoscaling(AutoscalingSpec autoscaling) { this.autoscaling = autoscaling; }
}
