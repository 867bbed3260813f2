package io.scalableapp.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehaviorBuilder;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import org.junit.jupiter.api.Test;

class HorizontalPodAutoscalerDependentTest {

  @Test
  void scalesTheDeploymentFromTheFloorToMaxOnCpu() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().getAutoscaling().setTargetCPUUtilizationPercentage(60);

    HorizontalPodAutoscaler hpa = HorizontalPodAutoscalerDependent.desired(app, 4);

    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("shop");
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(4);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(5);
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getName()).isEqualTo("cpu");
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization())
        .isEqualTo(60);
  }

  @Test
  void passesBehaviorThrough() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec()
        .getAutoscaling()
        .setBehavior(
            new HorizontalPodAutoscalerBehaviorBuilder()
                .withNewScaleDown()
                .withStabilizationWindowSeconds(600)
                .endScaleDown()
                .build());

    HorizontalPodAutoscaler hpa = HorizontalPodAutoscalerDependent.desired(app, 2);

    assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds())
        .isEqualTo(600);
  }
}
