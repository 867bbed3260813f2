package io.scalableapp.operator.whatif;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.replay.hpa.HpaSettings;
import io.scalableapp.lab.AppProfile;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.translate.ScalingSpecs;
import java.net.URI;
import java.time.Duration;

/**
 * An existing ScalableApp's settings for the what-if replay, read exactly as the operator reads
 * them: the engine settings and the Prometheus address from {@link ScalingSpecs}.
 */
public final class AppProfiles {
  /** The replay counts demand per minute. */
  static final Duration STEP = Duration.ofMinutes(1);

  private AppProfiles() {}

  /** Reads {@code namespace/name} from the cluster the client talks to. */
  public static AppProfile read(
      KubernetesClient client, String namespacedName, URI operatorPrometheus) {
    return of(readApp(client, namespacedName), operatorPrometheus);
  }

  /** The ScalableApp {@code namespace/name}, or why it cannot be read. */
  public static ScalableApp readApp(KubernetesClient client, String namespacedName) {
    String[] parts = namespacedName.split("/", 2);
    ScalableApp app;
    try {
      app = client.resources(ScalableApp.class).inNamespace(parts[0]).withName(parts[1]).get();
    } catch (KubernetesClientException e) {
      // The client's message names the operation; its cause says what went wrong (unreachable,
      // refused, ...).
      throw new IllegalStateException(
          "cannot read ScalableApp "
              + namespacedName
              + " from "
              + client.getMasterUrl()
              + ": "
              + e.getMessage()
              + (e.getCause() != null ? " (" + e.getCause() + ")" : ""),
          e);
    }
    if (app == null) {
      throw new IllegalArgumentException(
          "ScalableApp "
              + namespacedName
              + " not found on "
              + client.getMasterUrl()
              + " (kubectl get scalableapps -n "
              + parts[0]
              + " lists that namespace's apps)");
    }
    return app;
  }

  /**
   * The app's profile; its Prometheus is its spec.prediction.prometheusUrl, else {@code
   * operatorPrometheus}. The replay always runs an HPA at the app's CPU target and with its
   * autoscaling.behavior (the reactive baseline the forecast is measured against), so the floor is
   * sized for one even where the app runs without it.
   */
  public static AppProfile of(ScalableApp app, URI operatorPrometheus) {
    String name = app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
    PredictionSpec p = app.getSpec().getPrediction();
    if (p == null || p.getQuery() == null || p.getQuery().isBlank()) {
      throw new IllegalArgumentException(
          "ScalableApp "
              + name
              + " has no spec.prediction.query: the what-if "
              + "replays the demand history that query returns; set spec.prediction (query and targetPerReplica)");
    }
    if (p.getTargetPerReplica() == null) {
      throw new IllegalArgumentException(
          "ScalableApp "
              + name
              + " has no spec.prediction.targetPerReplica: the "
              + "what-if sizes replicas with it");
    }
    AppScalingSpec engine;
    HpaSettings hpa;
    int target = app.getSpec().getAutoscaling().getTargetCPUUtilizationPercentage();
    try {
      engine =
          ScalingSpecs.of(app, STEP).toBuilder()
              .targetUtilization(ScalingSpecs.hpaTargetUtilization(app))
              .build();
      hpa =
          HpaBehaviors.settings(
              app.getSpec().getAutoscaling().getBehavior(), target, engine.maxReplicas());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ScalableApp " + name + ": " + e.getMessage(), e);
    }
    return new AppProfile(
        name, ScalingSpecs.prometheus(p, operatorPrometheus), p.getQuery(), engine, target, hpa);
  }
}
