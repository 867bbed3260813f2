package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppSpec;

/** The HPA exists only while autoscaling is active; when the precondition fails JOSDK deletes it. */
public class AutoscalingEnabled implements Condition<HorizontalPodAutoscaler, ScalableApp> {
  /** Whether an HPA runs, and the reason a person reads in the app's Autoscaling condition. */
  public record Decision(boolean active, String reason, String message) {}

  @Override
  public boolean isMet(DependentResource<HorizontalPodAutoscaler, ScalableApp> dependent,
      ScalableApp app, Context<ScalableApp> context) {
    return isActive(app);
  }

  /** The one place that decides whether an HPA runs for {@code app} (and so owns the Deployment's replicas). */
  public static boolean isActive(ScalableApp app) {
    return decide(app).active();
  }

  public static Decision decide(ScalableApp app) {
    ScalableAppSpec spec = app.getSpec();
    var replicas = spec.getReplicas();
    if (Boolean.FALSE.equals(spec.getAutoscaling().getEnabled())) {
      return new Decision(false, "Disabled", "autoscaling.enabled is false: the operator keeps "
          + replicas.getMin() + " replicas, or the forecast's floor");
    }
    if (replicas.getMin() >= replicas.getMax()) {
      return new Decision(false, "FixedReplicas", "replicas.min equals replicas.max (" + replicas.getMax()
          + "): there is nothing for an HPA to scale");
    }
    // An explicit enabled: true without a CPU request is refused at admission; unset means "if it can work".
    if (!hasCpuRequest(spec)) {
      return new Decision(false, "NoCPURequest", "the container has no CPU request, which the HPA measures "
          + "utilisation against: set resources.requests.cpu to scale on CPU");
    }
    return new Decision(true, "HorizontalPodAutoscaler", "an HPA scales between " + replicas.getMin() + " and "
        + replicas.getMax() + " replicas at " + spec.getAutoscaling().getTargetCPUUtilizationPercentage()
        + " % CPU");
  }

  private static boolean hasCpuRequest(ScalableAppSpec spec) {
    var resources = spec.getResources();
    return resources != null && resources.getRequests() != null && resources.getRequests().containsKey("cpu");
  }
}
