package io.scalableapp.operator.cdn.varnish;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.events.EventRecorder;

/** The edge tier scales on its own CPU, between spec.cdn.varnish.minReplicas and maxReplicas. */
@KubernetesDependent(informer = @Informer(labelSelector = ChildLabels.EDGE_SELECTOR))
public class EdgeHorizontalPodAutoscalerDependent
    extends EdgeChildResource<HorizontalPodAutoscaler> {
  /** Its name in the reconciler's workflow, by which it and others look its resource up. */
  public static final String NAME = "edge-horizontalpodautoscaler";

  static final int TARGET_CPU_PERCENT = 70;

  public EdgeHorizontalPodAutoscalerDependent(EventRecorder events) {
    super(HorizontalPodAutoscaler.class, events);
  }

  @Override
  protected HorizontalPodAutoscaler desired(ScalableApp app, Context<ScalableApp> context) {
    return desired(app);
  }

  static HorizontalPodAutoscaler desired(ScalableApp app) {
    var varnish = varnish(app);
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(edgeMetadata(app))
        .withNewSpec()
        .withNewScaleTargetRef("apps/v1", "Deployment", ChildLabels.edgeName(app))
        .withMinReplicas(varnish.getMinReplicas())
        .withMaxReplicas(varnish.getMaxReplicas())
        .withMetrics(
            new MetricSpecBuilder()
                .withType("Resource")
                .withNewResource()
                .withName("cpu")
                .withNewTarget()
                .withType("Utilization")
                .withAverageUtilization(TARGET_CPU_PERCENT)
                .endTarget()
                .endResource()
                .build())
        .endSpec()
        .build();
  }
}
