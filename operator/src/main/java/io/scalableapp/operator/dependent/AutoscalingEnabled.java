package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.scalableapp.operator.api.ScalableApp;

/** The HPA exists only while autoscaling is active; when the precondition fails JOSDK deletes it. */
public class AutoscalingEnabled implements Condition<HorizontalPodAutoscaler, ScalableApp> {
  @Override
  public boolean isMet(DependentResource<HorizontalPodAutoscaler, ScalableApp> dependent,
      ScalableApp app, Context<ScalableApp> context) {
    return isActive(app);
  }

  /** The one place that decides whether an HPA runs for {@code app} (and so owns the Deployment's replicas). */
  public static boolean isActive(ScalableApp app) {
    return app.getSpec().getAutoscaling().isEnabled();
  }
}
