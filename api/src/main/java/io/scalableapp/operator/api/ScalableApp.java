package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A web app whose Deployment, Service, autoscaler and capacity forecast the operator keeps. */
@Group(ScalableApp.GROUP)
@Version(ScalableApp.VERSION)
@ShortNames("sapp")
@AdditionalPrinterColumn(
    name = "Ready",
    type = Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Replicas", type = Type.INTEGER, jsonPath = ".status.readyReplicas")
@AdditionalPrinterColumn(name = "Min", type = Type.INTEGER, jsonPath = ".spec.replicas.min")
@AdditionalPrinterColumn(name = "Max", type = Type.INTEGER, jsonPath = ".spec.replicas.max")
@AdditionalPrinterColumn(name = "Image", type = Type.STRING, jsonPath = ".spec.image", priority = 1)
@AdditionalPrinterColumn(name = "Age", type = Type.DATE, jsonPath = ".metadata.creationTimestamp")
// Children take the app's name; the Service needs a DNS-1035 label, and Pod names add
// "-<10-char hash>-<5 chars>", so 46 characters keep every derived name a valid 63-char label.
@ValidationRule(
    value = "self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
    message =
        "metadata.name must start with a lowercase letter and contain only lowercase letters, digits and '-' "
            + "(it names the app's Service, which must be a DNS-1035 label)")
@ValidationRule(
    value = "size(self.metadata.name) <= 46",
    message =
        "metadata.name must be at most 46 characters, so that the names of the app's Pods stay valid DNS labels")
@ValidationRule(
    value =
        "!has(self.spec) || !has(self.spec.cdn) || self.spec.cdn.provider != 'varnish' "
            + "|| size(self.metadata.name) <= 41",
    message =
        "metadata.name must be at most 41 characters with cdn.provider varnish: the edge's objects are named "
            + "<name>-edge, and its Pods' names must stay valid DNS labels")
@ValidationRule(
    value = "has(self.spec)",
    message = "spec is required: at least spec.image, the container image to run")
public class ScalableApp extends CustomResource<ScalableAppSpec, ScalableAppStatus>
    implements Namespaced {
  public static final String GROUP = "scalableapp.io";
  public static final String VERSION = "v1alpha1";

  /**
   * Overridden only to describe spec for `kubectl explain` (the generator ignores class-level
   * descriptions).
   */
  @Override
  @JsonPropertyDescription(
      "The app the operator runs: its container image, replicas, Service, reactive autoscaling "
          + "by a HorizontalPodAutoscaler and predictive scaling from a Prometheus demand query. Only image is required.")
  public ScalableAppSpec getSpec() {
    return super.getSpec();
  }

  /**
   * Defaulted to {} so that its observedGeneration default (0) applies to an app the operator has
   * not seen.
   */
  @Override
  @JsonPropertyDescription("What the operator last observed and did; written by the operator only.")
  @Default("{}")
  public ScalableAppStatus getStatus() {
    return super.getStatus();
  }

  @Override
  protected ScalableAppStatus initStatus() {
    return new ScalableAppStatus();
  }
}
