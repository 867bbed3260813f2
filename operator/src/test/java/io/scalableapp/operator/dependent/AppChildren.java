package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.translate.AutoscalingDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * The children the operator would apply for a new app, for a client that creates them without the
 * operator.
 */
public final class AppChildren {
  private AppChildren() {}

  /**
   * Deployment, Service and (when autoscaling applies) HPA, exactly as the dependents build them.
   */
  public static List<HasMetadata> of(ScalableApp app) {
    int floor = app.getSpec().getReplicas().getMin();
    List<HasMetadata> children =
        new ArrayList<>(
            List.of(DeploymentDependent.desired(app, floor), ServiceDependent.desired(app)));
    if (AutoscalingDecision.isActive(app)) {
      children.add(HorizontalPodAutoscalerDependent.desired(app, floor));
    }
    return children;
  }
}
