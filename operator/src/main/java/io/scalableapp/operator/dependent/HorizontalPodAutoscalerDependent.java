package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalableapp.operator.api.AutoscalingSpec;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;

@KubernetesDependent(informer = @Informer(labelSelector = ChildLabels.APP_CHILDREN_SELECTOR))
public class HorizontalPodAutoscalerDependent extends AppChildResource<HorizontalPodAutoscaler> {

  public HorizontalPodAutoscalerDependent() {
    super(HorizontalPodAutoscaler.class);
  }

  @Override
  protected HorizontalPodAutoscaler desired(ScalableApp app, Context<ScalableApp> context) {
    return desired(app, ReplicaFloor.of(app, context));
  }

  /** minReplicas is the floor, so an HPA whose minReplicas alone differs has only had its floor moved. */
  @Override
  protected HorizontalPodAutoscaler withFloorOf(HorizontalPodAutoscaler desired, HorizontalPodAutoscaler live) {
    desired.getSpec().setMinReplicas(live.getSpec().getMinReplicas());
    return desired;
  }

  /**
   * The HPA for an app. The replica floor goes into minReplicas: the HPA keeps reacting above
   * the forecast, and if the operator stops, the app still scales on its own.
   */
  static HorizontalPodAutoscaler desired(ScalableApp app, int replicaFloor) {
    AutoscalingSpec autoscaling = app.getSpec().getAutoscaling();
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(childMetadata(app))
        .withNewSpec()
          .withNewScaleTargetRef("apps/v1", "Deployment", app.getMetadata().getName())
          .withMinReplicas(replicaFloor)
          .withMaxReplicas(app.getSpec().getReplicas().getMax())
          .withMetrics(new MetricSpecBuilder()
              .withType("Resource")
              .withNewResource().withName("cpu")
                .withNewTarget().withType("Utilization")
                  .withAverageUtilization(autoscaling.getTargetCPUUtilizationPercentage())
                .endTarget()
              .endResource()
              .build())
          .withBehavior(autoscaling.getBehavior())
        .endSpec()
        .build();
  }
}
