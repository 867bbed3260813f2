package io.scalableapp.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.PredictionStatus;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.cdn.DependentContexts;
import io.scalableapp.operator.events.RecordedEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HPA keeps its metric recommendations, not minReplicas, in its stabilisation window: a floor
 * of 12 released in one step to replicas.min would let it drop to what CPU alone asks for at once.
 * So when an enforced floor stops being enforced, minReplicas holds the running replicas first.
 */
class FloorReleaseHoldTest {
  private final HorizontalPodAutoscalerDependent dependent =
      new HorizontalPodAutoscalerDependent(new RecordedEvents());

  @Test
  void settingAnEnforcingAppToShadowHoldsTheReplicasThatRun() {
    ScalableApp app = TestApps.predicted("shop", "prod", 30.0);
    app.getSpec().getReplicas().setMin(2);
    enforcing(app, 12);

    HorizontalPodAutoscaler enforcing = dependent.desired(app, context(app, null));
    assertThat(enforcing.getSpec().getMinReplicas()).isEqualTo(12);
    assertThat(enforcing.getMetadata().getAnnotations())
        .containsKey(PolicySwitchHold.FLOOR_ENFORCED);

    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Shadow);
    HorizontalPodAutoscaler released = dependent.desired(app, context(app, enforcing));

    assertThat(released.getSpec().getMinReplicas())
        .as("the replicas that run, not replicas.min")
        .isEqualTo(12);
    assertThat(PolicySwitchHold.parse(released)).isPresent();
    assertThat(released.getMetadata().getAnnotations())
        .doesNotContainKey(PolicySwitchHold.FLOOR_ENFORCED);
  }

  @Test
  void theMarkComingAndGoingWithTheFloorIsAFloorMoveNotDrift() {
    ScalableApp app = TestApps.predicted("shop", "prod", 30.0);
    app.getSpec().getReplicas().setMin(2);
    HorizontalPodAutoscaler unfloored = dependent.desired(app, context(app, null));
    enforcing(app, 12);
    HorizontalPodAutoscaler floored = dependent.desired(app, context(app, unfloored));

    assertThat(dependent.withFloorOf(floored, unfloored)).isEqualTo(unfloored);
  }

  @Test
  void aFloorTheEngineLowersToReplicasMinIsNotHeld() {
    ScalableApp app = TestApps.predicted("shop", "prod", 30.0);
    app.getSpec().getReplicas().setMin(2);
    PredictionStatus recorded = enforcing(app, 3);
    HorizontalPodAutoscaler atThree = dependent.desired(app, context(app, null));

    recorded.setRecommendedReplicas(2);
    HorizontalPodAutoscaler atMin = dependent.desired(app, context(app, atThree));

    assertThat(atMin.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(PolicySwitchHold.parse(atMin)).isEmpty();
    assertThat(atMin.getMetadata().getAnnotations()).isNullOrEmpty();
  }

  @Test
  void anAppThatNeverEnforcedAFloorIsNotHeld() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().getReplicas().setMin(2);
    HorizontalPodAutoscaler first = dependent.desired(app, context(app, null));
    app.getSpec().getReplicas().setMin(1);

    HorizontalPodAutoscaler lowered = dependent.desired(app, context(app, first));

    assertThat(lowered.getSpec().getMinReplicas()).isEqualTo(1);
    assertThat(lowered.getMetadata().getAnnotations()).isNullOrEmpty();
  }

  /** A reconciliation before any evaluation: the live HPA and a Deployment running 12. */
  private static Context<ScalableApp> context(ScalableApp app, HorizontalPodAutoscaler live) {
    Deployment running =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(app.getMetadata().getName())
            .endMetadata()
            .withNewSpec()
            .withReplicas(12)
            .endSpec()
            .build();
    return DependentContexts.withSecondaries(
        app, live == null ? List.of(running) : List.of(running, live));
  }

  /** Status as the last evaluation wrote it: enforcing a floor of {@code floor}. */
  private static PredictionStatus enforcing(ScalableApp app, int floor) {
    app.setStatus(new ScalableAppStatus());
    PredictionStatus recorded = new PredictionStatus();
    recorded.setMode("Enforce");
    recorded.setRecommendedReplicas(floor);
    app.getStatus().setPrediction(recorded);
    return recorded;
  }
}
