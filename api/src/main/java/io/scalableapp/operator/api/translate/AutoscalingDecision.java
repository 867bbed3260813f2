package io.scalableapp.operator.api.translate;

import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppSpec;

/**
 * Whether an HPA runs for an app (and so owns its Deployment's replicas), and the reason a person
 * reads in the app's Autoscaling condition: the one place that decides it, for the operator's
 * dependents and the engine settings alike.
 */
public record AutoscalingDecision(boolean active, String reason, String message) {

  /** Whether an HPA runs for {@code app}. */
  public static boolean isActive(ScalableApp app) {
    return of(app).active();
  }

  public static AutoscalingDecision of(ScalableApp app) {
    ScalableAppSpec spec = app.getSpec();
    var replicas = spec.getReplicas();
    if (Boolean.FALSE.equals(spec.getAutoscaling().getEnabled())) {
      return new AutoscalingDecision(
          false,
          "Disabled",
          "autoscaling.enabled is false: the operator keeps "
              + replicas.getMin()
              + " replicas, or the forecast's floor");
    }
    if (replicas.getMin() >= replicas.getMax()) {
      return new AutoscalingDecision(
          false,
          "FixedReplicas",
          "replicas.min equals replicas.max ("
              + replicas.getMax()
              + "): there is nothing for an HPA to scale");
    }
    // An explicit enabled: true without a CPU request is refused at admission; unset means "if it
    // can work".
    if (!hasCpuRequest(spec)) {
      return new AutoscalingDecision(
          false,
          "NoCPURequest",
          "the container has no CPU request, which the HPA "
              + "measures utilisation against: set resources.requests.cpu to scale on CPU");
    }
    return new AutoscalingDecision(
        true,
        "HorizontalPodAutoscaler",
        "an HPA scales between "
            + replicas.getMin()
            + " and "
            + replicas.getMax()
            + " replicas at "
            + spec.getAutoscaling().getTargetCPUUtilizationPercentage()
            + " % CPU");
  }

  private static boolean hasCpuRequest(ScalableAppSpec spec) {
    var resources = spec.getResources();
    return resources != null
        && resources.getRequests() != null
        && resources.getRequests().containsKey("cpu");
  }
}
