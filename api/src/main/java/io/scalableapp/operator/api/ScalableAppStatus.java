package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.Condition;
import io.scalableapp.operator.api.cdn.CdnStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

public class ScalableAppStatus {
  // 0 until the operator writes status: the API server defaults it on every read, so kstatus (Flux)
  // sees a new
  // app as InProgress rather than Current before the operator has looked at it.
  @JsonPropertyDescription(
      "The metadata.generation of the spec this status describes; 0 until the operator "
          + "first reports.")
  @Default("0")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Ready, Progressing, Degraded and Autoscaling (whether an HPA scales the app; if not, why: reason "
          + "Disabled, FixedReplicas or NoCPURequest); Reconciling (True while the current generation rolls out) and "
          + "Stalled (True while it cannot: a refused child, a failed rollout), as kstatus, Flux and Argo CD read them; "
          + "Paused (True while a scalableapp.io/paused or paused-replicas annotation holds the replicas); "
          + "MetricsAvailable and Predicting with prediction on; Tuned with autoscaling.tuning (True once a policy search "
          + "has run, reason Applied, Recommended or NotValidated; False with InsufficientHistory, "
          + "NoHorizontalPodAutoscaler, SearchFailed or NotSearchedYet); CdnReady with spec.cdn (reason UnsupportedByProvider names a "
          + "field the provider cannot express). Each with reason, message, observedGeneration and "
          + "time of the last change.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Replicas the Deployment currently asks for.")
  private Integer replicas;

  @JsonPropertyDescription("Replicas that are ready to serve.")
  private Integer readyReplicas;

  @JsonPropertyDescription("Name of the Service that fronts the app.")
  private String serviceName;

  @JsonPropertyDescription(
      "Predictive scaling: the current forecast and the last decision. Absent while prediction is Off.")
  private PredictionStatus prediction;

  @JsonPropertyDescription(
      "spec.autoscaling.tuning: the policy that runs, the one the search chose and the replay "
          + "behind it. Absent unless tuning is set.")
  private TuningStatus tuning;

  @JsonPropertyDescription(
      "The CDN: provider, applied configuration version and the last purge. Absent without spec.cdn "
          + "once the operator has removed what it created at the provider.")
  private CdnStatus cdn;

  public CdnStatus getCdn() {
    return cdn;
  }

  public void setCdn(CdnStatus cdn) {
    this.cdn = cdn;
  }

  public TuningStatus getTuning() {
    return tuning;
  }

  public void setTuning(TuningStatus tuning) {
    this.tuning = tuning;
  }

  public PredictionStatus getPrediction() {
    return prediction;
  }

  public void setPrediction(PredictionStatus prediction) {
    this.prediction = prediction;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public String getServiceName() {
    return serviceName;
  }

  public void setServiceName(String serviceName) {
    this.serviceName = serviceName;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScalableAppStatus other
        && Objects.equals(observedGeneration, other.observedGeneration)
        && Objects.equals(conditions, other.conditions)
        && Objects.equals(replicas, other.replicas)
        && Objects.equals(readyReplicas, other.readyReplicas)
        && Objects.equals(serviceName, other.serviceName)
        && Objects.equals(prediction, other.prediction)
        && Objects.equals(tuning, other.tuning)
        && Objects.equals(cdn, other.cdn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        observedGeneration,
        conditions,
        replicas,
        readyReplicas,
        serviceName,
        prediction,
        tuning,
        cdn);
  }
}
