package io.scalableapp.lab;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.replay.hpa.HpaSettings;
import java.net.URI;

/**
 * An existing app's own scaling settings, as the operator reads them from its ScalableApp: where
 * its demand is ({@code prometheus}, {@code query}: a rate per second), the engine settings the
 * operator derives from its {@code spec.prediction} and {@code spec.replicas} (in the query's unit,
 * sized for an HPA), and its HPA's CPU target and behavior ({@code spec.autoscaling}).
 *
 * @param name how the report names the app, e.g. {@code shop/web}
 * @param hpaTargetPercent the HPA's CPU utilisation target the reactive runs use
 * @param hpa the app's HPA as the replay runs it: its {@code autoscaling.behavior} (stabilisation
 *     windows, scaling policies) and maxReplicas; sweeps change only the target and the scale-down
 *     window
 */
public record AppProfile(
    String name,
    URI prometheus,
    String query,
    AppScalingSpec engine,
    int hpaTargetPercent,
    HpaSettings hpa) {

  public AppProfile {
    if (hpaTargetPercent <= 0) {
      throw new IllegalArgumentException(
          "the HPA target must be positive, got " + hpaTargetPercent);
    }
    hpa = hpa.withTarget(hpaTargetPercent);
  }

  /** An app whose HPA has the Kubernetes default behavior. */
  public AppProfile(
      String name, URI prometheus, String query, AppScalingSpec engine, int hpaTargetPercent) {
    this(
        name,
        prometheus,
        query,
        engine,
        hpaTargetPercent,
        HpaSettings.kubernetesDefaults(hpaTargetPercent, engine.maxReplicas()));
  }
}
