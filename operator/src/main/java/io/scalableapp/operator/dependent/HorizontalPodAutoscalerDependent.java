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
import java.util.Objects;

@KubernetesDependent(informer = @Informer(labelSelector = ChildLabels.APP_CHILDREN_SELECTOR,
    onUpdateFilter = OwnedFieldsChanged.class,
    itemStore = OwnManagedFieldsStore.class))
public class HorizontalPodAutoscalerDependent extends AppChildResource<HorizontalPodAutoscaler> {

  public HorizontalPodAutoscalerDependent() {
    super(HorizontalPodAutoscaler.class);
  }

  @Override
  protected HorizontalPodAutoscaler desired(ScalableApp app, Context<ScalableApp> context) {
    return desired(app, ReplicaFloor.of(app, context));
  }

  /**
   * minReplicas is the floor, so an HPA whose minReplicas alone differs has only had its floor moved; a pause pins
   * maxReplicas to it too, so going into or out of a pin (minReplicas = maxReplicas) is a floor move as well.
   */
  @Override
  protected HorizontalPodAutoscaler withFloorOf(HorizontalPodAutoscaler desired, HorizontalPodAutoscaler live) {
    boolean pinned = isPinned(desired) || isPinned(live);
    desired.getSpec().setMinReplicas(live.getSpec().getMinReplicas());
    if (pinned) {
      desired.getSpec().setMaxReplicas(live.getSpec().getMaxReplicas());
    }
    return desired;
  }

  private static boolean isPinned(HorizontalPodAutoscaler hpa) {
    return Objects.equals(hpa.getSpec().getMinReplicas(), hpa.getSpec().getMaxReplicas());
  }

  /**
   * The HPA for an app. The replica floor goes into minReplicas: the HPA keeps reacting above
   * the forecast, and if the operator stops, the app still scales on its own. While the app is paused the HPA
   * stays, pinned at the held count (minReplicas = maxReplicas), so it moves nothing.
   */
  static HorizontalPodAutoscaler desired(ScalableApp app, int replicaFloor) {
    AutoscalingSpec autoscaling = app.getSpec().getAutoscaling();
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(childMetadata(app))
        .withNewSpec()
          .withNewScaleTargetRef("apps/v1", "Deployment", app.getMetadata().getName())
          .withMinReplicas(replicaFloor)
          .withMaxReplicas(Pause.of(app).isPresent() ? replicaFloor : app.getSpec().getReplicas().getMax())
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
