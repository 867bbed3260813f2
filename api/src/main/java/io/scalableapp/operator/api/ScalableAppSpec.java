package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.api.schema.EnvVarSchema;
import io.scalableapp.operator.api.schema.ResourcesSchema;
import java.util.ArrayList;
import java.util.List;

// The HPA measures CPU utilisation against the request; without one it cannot scale at all.
@ValidationRule(
    value =
        "!(has(self.autoscaling) && has(self.autoscaling.enabled) && self.autoscaling.enabled)"
            + " || (has(self.resources) && has(self.resources.requests) && 'cpu' in self.resources.requests)",
    message =
        "resources.requests.cpu is required while autoscaling is enabled: "
            + "the HPA measures CPU utilisation as a percentage of the request "
            + "(leave autoscaling.enabled unset to run without an HPA when there is no CPU request)")
// Auto switches between the forecast and the HPA alone by comparing them: with no HPA there is
// nothing to compare.
@ValidationRule(
    value =
        "!has(self.prediction) || !has(self.prediction.mode) || self.prediction.mode != 'Auto'"
            + " || !has(self.autoscaling) || !has(self.autoscaling.enabled) || self.autoscaling.enabled",
    message =
        "prediction.mode Auto compares the forecast with the HPA and enforces it only when it does better: "
            + "it needs an HPA, so autoscaling.enabled must not be false (use Shadow or Enforce without an HPA)")
// Tuning replays the demand history prediction fetches, and tunes an HPA: it needs both.
@ValidationRule(
    value =
        "!has(self.autoscaling) || !has(self.autoscaling.tuning)"
            + " || (has(self.prediction) && has(self.prediction.mode) && self.prediction.mode != 'Off')",
    message =
        "autoscaling.tuning replays the app's demand history, which prediction fetches: set prediction.mode "
            + "to Shadow, Enforce or Auto, with its query and targetPerReplica")
// floors narrows the families Auto's search may choose; every other mode fixes the floor, so a
// narrowed list there would be ignored without a word. Both families (the default) are always
// allowed.
@ValidationRule(
    value =
        "!has(self.autoscaling) || !has(self.autoscaling.tuning) || !has(self.autoscaling.tuning.floors)"
            + " || self.autoscaling.tuning.floors.size() == 2"
            + " || (has(self.prediction) && has(self.prediction.mode) && self.prediction.mode == 'Auto')",
    message =
        "autoscaling.tuning.floors chooses among floor families only under prediction.mode Auto; "
            + "Enforce always runs the forecast floor and Shadow none: set prediction.mode to Auto, "
            + "or remove floors")
@ValidationRule(
    value =
        "!has(self.autoscaling) || !has(self.autoscaling.tuning) || !has(self.autoscaling.enabled)"
            + " || self.autoscaling.enabled",
    message = "autoscaling.tuning tunes the HPA: autoscaling.enabled must not be false")
@ValidationRule(
    value =
        "!has(self.autoscaling) || !has(self.autoscaling.tuning) || !has(self.autoscaling.tuning.validation)"
            + " || !self.autoscaling.tuning.validation"
            + DurationCel.READABLE
            + " || !has(self.prediction) || !has(self.prediction.lookback) || !self.prediction.lookback"
            + DurationCel.READABLE
            + " || 2 * self.autoscaling.tuning.validation"
            + DurationCel.IN_SECONDS
            + " < self.prediction.lookback"
            + DurationCel.IN_SECONDS,
    message =
        "autoscaling.tuning.validation must be less than half of prediction.lookback: the policy is chosen on "
            + "the older history (after a warm-up) and checked on the validation part")
public class ScalableAppSpec {
  @JsonPropertyDescription("Container image of the app, e.g. ghcr.io/acme/shop:1.4.2.")
  @Required
  @Size(min = 1, max = 512)
  @ValidationRule(
      value = "self == self.trim()",
      message = "image must not start or end with whitespace")
  private String image;

  @JsonPropertyDescription("Port the app listens on inside the container.")
  @Default("8080")
  @Min(1)
  @Max(65535)
  private int port = 8080;

  @JsonPropertyDescription("Environment variables of the app container.")
  @SchemaFrom(type = EnvVarSchema[].class)
  @Size(max = 256)
  // The Pod API's rule for names (relaxed validation, the default since Kubernetes 1.32).
  @ValidationRule(
      value = "self.all(e, has(e.name) && e.name.matches('^[ -<>-~]+$'))",
      message =
          "env names must be non-empty and contain only printable ASCII characters other than '='")
  private List<EnvVar> env = new ArrayList<>();

  @JsonPropertyDescription(
      "CPU and memory requests and limits of the app container. "
          + "A CPU request lets an HorizontalPodAutoscaler scale the app (see autoscaling.enabled).")
  @SchemaFrom(type = ResourcesSchema.class)
  @ValidationRule(
      value = ScalableAppSpec.RESOURCE_NAMES_ARE_KNOWN,
      message =
          "resources may only name cpu, memory, "
              + "ephemeral-storage, hugepages-<size> or a domain-prefixed extended resource such as example.com/gpu")
  @ValidationRule(
      value = ScalableAppSpec.REQUESTS_ARE_QUANTITIES,
      message =
          "resources.requests must be " + "non-negative quantities such as 250m, 0.5, 128Mi or 1Gi")
  @ValidationRule(
      value = ScalableAppSpec.LIMITS_ARE_QUANTITIES,
      message =
          "resources.limits must be " + "non-negative quantities such as 250m, 0.5, 128Mi or 1Gi")
  @ValidationRule(
      value = ScalableAppSpec.REQUESTS_WITHIN_LIMITS,
      message = "resources.requests must not exceed resources.limits for the same resource")
  private ResourceRequirements resources;

  @JsonPropertyDescription(
      "Restricted (the pods meet Pod Security \"restricted\": non-root, RuntimeDefault seccomp, "
          + "no capabilities, no privilege escalation; the image must run as a non-root numeric user, e.g. "
          + "nginxinc/nginx-unprivileged) or Baseline (the image's own user: meets Pod Security \"baseline\"). "
          + "Default Baseline, because many common images, such as nginx, start as root and would not run Restricted.")
  @Default("Baseline")
  private SecurityProfile securityProfile = SecurityProfile.Baseline;

  @JsonPropertyDescription("HTTP readiness and liveness probes of the app container.")
  private ProbesSpec probes = new ProbesSpec();

  @JsonPropertyDescription(
      "Bounds on the number of replicas; autoscaling and predictive scaling stay within them.")
  private ReplicasSpec replicas = new ReplicasSpec();

  @JsonPropertyDescription("The Service in front of the app.")
  private ServiceSpec service = new ServiceSpec();

  @JsonPropertyDescription("Reactive autoscaling by a HorizontalPodAutoscaler.")
  private AutoscalingSpec autoscaling = new AutoscalingSpec();

  @JsonPropertyDescription(
      "Predictive scaling: forecast demand from Prometheus and raise capacity before it arrives.")
  private PredictionSpec prediction = new PredictionSpec();

  @JsonPropertyDescription(
      "An edge cache in front of the app: Varnish run by the operator, or Cloudflare cache rules; "
          + "cache rules, TTLs and purges on rollout. Unset: no CDN.")
  private CdnSpec cdn;

  private static final String RESOURCE_NAME =
      "(k in ['cpu', 'memory', 'ephemeral-storage'] "
          + "|| k.startsWith('hugepages-') || k.contains('/'))";
  private static final String RESOURCE_NAMES_ARE_KNOWN =
      "(!has(self.requests) || self.requests.all(k, "
          + RESOURCE_NAME
          + "))"
          + " && (!has(self.limits) || self.limits.all(k, "
          + RESOURCE_NAME
          + "))";
  private static final String REQUESTS_ARE_QUANTITIES =
      "!has(self.requests) || self.requests.all(k, "
          + "isQuantity(string(self.requests[k])) && !quantity(string(self.requests[k])).isLessThan(quantity('0')))";
  private static final String LIMITS_ARE_QUANTITIES =
      "!has(self.limits) || self.limits.all(k, "
          + "isQuantity(string(self.limits[k])) && !quantity(string(self.limits[k])).isLessThan(quantity('0')))";
  // Only reached once both are quantities: the two rules above are checked too and say what is
  // wrong otherwise.
  private static final String REQUESTS_WITHIN_LIMITS =
      "!has(self.requests) || !has(self.limits)"
          + " || self.requests.all(k, !(k in self.limits)"
          + " || !quantity(string(self.requests[k])).isGreaterThan(quantity(string(self.limits[k]))))";

  public SecurityProfile getSecurityProfile() {
    return securityProfile;
  }

  public void setSecurityProfile(SecurityProfile securityProfile) {
    this.securityProfile = securityProfile;
  }

  public CdnSpec getCdn() {
    return cdn;
  }

  public void setCdn(CdnSpec cdn) {
    this.cdn = cdn;
  }

  public PredictionSpec getPrediction() {
    return prediction;
  }

  public void setPrediction(PredictionSpec prediction) {
    this.prediction = prediction;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public int getPort() {
    return port;
  }

  public void setPort(int port) {
    this.port = port;
  }

  public List<EnvVar> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVar> env) {
    this.env = env;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public ProbesSpec getProbes() {
    return probes;
  }

  public void setProbes(ProbesSpec probes) {
    this.probes = probes;
  }

  public ReplicasSpec getReplicas() {
    return replicas;
  }

  public void setReplicas(ReplicasSpec replicas) {
    this.replicas = replicas;
  }

  public ServiceSpec getService() {
    return service;
  }

  public void setService(ServiceSpec service) {
    this.service = service;
  }

  public AutoscalingSpec getAutoscaling() {
    return autoscaling;
  }

  public void setAutoscaling(AutoscalingSpec autoscaling) {
    this.autoscaling = autoscaling;
  }
}
