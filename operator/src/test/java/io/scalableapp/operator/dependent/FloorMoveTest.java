package io.scalableapp.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.scalableapp.engine.auto.TunedPolicy;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.events.RecordedEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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

  /**
   * The API server fills a written behavior with its defaults (scale-up rules, scale-down
   * policies); the operator never wrote those, so they take no part in telling a floor move from
   * drift. Nor does an annotation someone else added.
   */
  @Test
  void aTunedHpaWithTheServersDefaultsOnlyHadItsFloorMovedWhenMinReplicasAloneDiffer() {
    TunedPolicy tuned = TunedPolicy.reactive(76, Duration.ofMinutes(5));
    Optional<PolicySwitchHold> hold =
        Optional.of(new PolicySwitchHold(7, Instant.parse("2026-01-01T10:05:00Z")));
    HorizontalPodAutoscaler written =
        HorizontalPodAutoscalerDependent.desired(TestApps.app("shop", "prod"), 2, tuned, hold);
    HorizontalPodAutoscaler live =
        new HorizontalPodAutoscalerBuilder(written)
            .editMetadata()
            .addToAnnotations("team.example.com/owner", "web")
            .endMetadata()
            .editSpec()
            .editBehavior()
            .editScaleDown()
            .addNewPolicy(15, "Percent", 100)
            .withSelectPolicy("Max")
            .endScaleDown()
            .withNewScaleUp()
            .addNewPolicy(15, "Pods", 4)
            .withSelectPolicy("Max")
            .withStabilizationWindowSeconds(0)
            .endScaleUp()
            .endBehavior()
            .endSpec()
            .build();
    HorizontalPodAutoscaler raised =
        HorizontalPodAutoscalerDependent.desired(TestApps.app("shop", "prod"), 25, tuned, hold);

    assertThat(new HorizontalPodAutoscalerDependent(new RecordedEvents()).withFloorOf(raised, live))
        .isEqualTo(written);
  }
}
