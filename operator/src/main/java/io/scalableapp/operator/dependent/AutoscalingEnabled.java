package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.translate.AutoscalingDecision;

/**
 * The HPA exists only while autoscaling is active ({@link AutoscalingDecision}); when the
 * precondition fails JOSDK deletes it.
 */
public class AutoscalingEnabled implements Condition<HorizontalPodAutoscaler, ScalableApp> {
  @Override
  public boolean isMet(
      DependentResource<HorizontalPodAutoscaler, ScalableApp> dependent,
      ScalableApp app,
      Context<ScalableApp> context) {
    return AutoscalingDecision.isActive(app);
  }
}
