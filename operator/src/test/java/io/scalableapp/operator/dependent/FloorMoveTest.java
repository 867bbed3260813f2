package io.scalableapp.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.events.RecordedEvents;
import org.junit.jupiter.api.Test;

/**
 * A child whose only difference from desired is the floor field was changed by the operator's own
 * floor move (no DriftRepaired); any other difference is drift. withFloorOf makes that comparison.
 */
class FloorMoveTest {
  private static ScalableApp withoutAutoscaling() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().getAutoscaling().setEnabled(false);
    return app;
  }

  @Test
  void aDeploymentWhoseReplicasAloneDifferOnlyHadItsFloorMoved() {
    Deployment live = DeploymentDependent.desired(withoutAutoscaling(), 3);
    Deployment raised = DeploymentDependent.desired(withoutAutoscaling(), 5);

    assertThat(new DeploymentDependent(new RecordedEvents()).withFloorOf(raised, live))
        .isEqualTo(live);
  }

  @Test
  void aDeploymentWithAnotherImageDrifted() {
    Deployment live = DeploymentDependent.desired(withoutAutoscaling(), 3);
    live.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(TestApps.OTHER_IMAGE);

    assertThat(
            new DeploymentDependent(new RecordedEvents())
                .withFloorOf(DeploymentDependent.desired(withoutAutoscaling(), 5), live))
        .isNotEqualTo(live);
  }

  @Test
  void whileTheHpaOwnsReplicasTheyAreNotCompared() {
    Deployment desired = DeploymentDependent.desired(TestApps.app("shop", "prod"), 3);

    assertThat(
            new DeploymentDependent(new RecordedEvents())
                .withFloorOf(desired, DeploymentDependent.desired(withoutAutoscaling(), 4))
                .getSpec()
                .getReplicas())
        .isNull();
  }

  @Test
  void anHpaWhoseMinReplicasAloneDifferOnlyHadItsFloorMoved() {
    HorizontalPodAutoscaler live =
        HorizontalPodAutoscalerDependent.desired(TestApps.app("shop", "prod"), 2);
    HorizontalPodAutoscaler raised =
        HorizontalPodAutoscalerDependent.desired(TestApps.app("shop", "prod"), 4);

    assertThat(new HorizontalPodAutoscalerDependent(new RecordedEvents()).withFloorOf(raised, live))
        .isEqualTo(live);
  }

  @Test
  void anHpaWithAnotherMaximumDrifted() {
    HorizontalPodAutoscaler live =
        HorizontalPodAutoscalerDependent.desired(TestApps.app("shop", "prod"), 2);
    live.getSpec().setMaxReplicas(50);

    assertThat(
            new HorizontalPodAutoscalerDependent(new RecordedEvents())
                .withFloorOf(
                    HorizontalPodAutoscalerDependent.desired(TestApps.app("shop", "prod"), 4),
                    live))
        .isNotEqualTo(live);
  }
}
