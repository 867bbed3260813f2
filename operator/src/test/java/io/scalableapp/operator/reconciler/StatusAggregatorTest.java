package io.scalableapp.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.status.Conditions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusAggregatorTest {
  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private final ScalableApp app = TestApps.app("shop", "prod");

  private static Deployment deployment(int desired, int updated, int ready, int total) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("shop")
        .withGeneration(3L)
        .endMetadata()
        .withNewSpec()
        .withReplicas(desired)
        .endSpec()
        .withNewStatus()
        .withObservedGeneration(3L)
        .withUpdatedReplicas(updated)
        .withReadyReplicas(ready)
        .withReplicas(total)
        .endStatus()
        .build();
  }

  private static String status(ScalableAppStatus s, String type) {
    return Conditions.find(s.getConditions(), type).map(Condition::getStatus).orElseThrow();
  }

  @Test
  void readyWhenEveryReplicaRunsTheCurrentSpec() {
    ScalableAppStatus s =
        StatusAggregator.aggregate(app, Optional.of(deployment(2, 2, 2, 2)), Optional.empty(), NOW);

    assertThat(status(s, Conditions.READY)).isEqualTo("True");
    assertThat(status(s, Conditions.PROGRESSING)).isEqualTo("False");
    assertThat(status(s, Conditions.DEGRADED)).isEqualTo("False");
    assertThat(s.getReadyReplicas()).isEqualTo(2);
    assertThat(s.getObservedGeneration()).isEqualTo(1L);
    assertThat(s.getServiceName()).isEqualTo("shop");
  }

  @Test
  void saysWhyThereIsNoHpaAndKeepsTheTransitionTimeWhileUnchanged() {
    app.getSpec().getReplicas().setMax(2);
    ScalableAppStatus first =
        StatusAggregator.aggregate(app, Optional.of(deployment(2, 2, 2, 2)), Optional.empty(), NOW);
    app.setStatus(first);

    ScalableAppStatus later =
        StatusAggregator.aggregate(
            app, Optional.of(deployment(2, 2, 2, 2)), Optional.empty(), NOW.plusSeconds(60));

    Condition autoscaling =
        Conditions.find(later.getConditions(), Conditions.AUTOSCALING).orElseThrow();
    assertThat(autoscaling.getStatus()).isEqualTo("False");
    assertThat(autoscaling.getReason()).isEqualTo("FixedReplicas");
    assertThat(autoscaling.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
  }

  @Test
  void progressingWhileOldPodsRemain() {
    ScalableAppStatus s =
        StatusAggregator.aggregate(app, Optional.of(deployment(2, 1, 2, 3)), Optional.empty(), NOW);

    assertThat(status(s, Conditions.READY)).isEqualTo("False");
    assertThat(status(s, Conditions.PROGRESSING)).isEqualTo("True");
  }

  @Test
  void notReadyBelowReplicasMin() {
    ScalableAppStatus s =
        StatusAggregator.aggregate(app, Optional.of(deployment(1, 1, 1, 1)), Optional.empty(), NOW);

    assertThat(status(s, Conditions.READY)).isEqualTo("False");
    assertThat(s.getReplicas()).isEqualTo(2);
  }

  @Test
  void notReadyWithoutDeployment() {
    ScalableAppStatus s = StatusAggregator.aggregate(app, Optional.empty(), Optional.empty(), NOW);

    assertThat(Conditions.find(s.getConditions(), Conditions.READY).orElseThrow().getReason())
        .isEqualTo("DeploymentMissing");
  }

  @Test
  void degradedWithTheCauseOfAFailedReconciliation() {
    Exception failure =
        new RuntimeException("wrapped", new IllegalStateException("quota exceeded"));

    ScalableAppStatus s =
        StatusAggregator.aggregate(app, Optional.empty(), Optional.of(failure), NOW);

    Condition degraded = Conditions.find(s.getConditions(), Conditions.DEGRADED).orElseThrow();
    assertThat(degraded.getStatus()).isEqualTo("True");
    assertThat(degraded.getReason()).isEqualTo("ReconcileError");
    assertThat(degraded.getMessage()).isEqualTo("quota exceeded");
    assertThat(status(s, Conditions.STALLED)).as("kstatus: Failed").isEqualTo("True");
    assertThat(status(s, Conditions.RECONCILING)).isEqualTo("False");
    assertThat(status(s, Conditions.READY)).isEqualTo("False");
    assertThat(s.getObservedGeneration()).as("observed, and reported as stalled").isEqualTo(1L);
  }

  @Test
  void aRefusedChildIsDescribedByItsNameAndTheApiServersMessageOnly() {
    var refused =
        new KubernetesClientException(
            new StatusBuilder()
                .withCode(500)
                .withMessage(
                    "Internal error occurred: failed calling webhook \"refuse.scalableapp.io\"")
                .build());
    var failure =
        new AggregatedOperatorException(
            "Exception(s) during workflow execution.",
            Map.of(
                "deployment",
                new KubernetesClientException("Failure executing: PATCH ... stack", refused)));

    assertThat(StatusAggregator.describe(failure))
        .isEqualTo(
            "deployment: Internal error occurred: failed calling webhook \"refuse.scalableapp.io\"");
  }

  @Test
  void aFailedUpdateIsNeverReadyEvenWhileTheOldDeploymentServes() {
    Exception failure = new IllegalStateException("failed calling webhook");

    ScalableAppStatus s =
        StatusAggregator.aggregate(
            app, Optional.of(deployment(2, 2, 2, 2)), Optional.of(failure), NOW);

    Condition ready = Conditions.find(s.getConditions(), Conditions.READY).orElseThrow();
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("ReconcileError");
    assertThat(s.getReadyReplicas()).isEqualTo(2);
  }

  @Test
  void reconcilingWhileRollingOutThenNeitherReconcilingNorStalled() {
    ScalableAppStatus rolling =
        StatusAggregator.aggregate(app, Optional.of(deployment(2, 1, 2, 3)), Optional.empty(), NOW);
    assertThat(status(rolling, Conditions.RECONCILING)).isEqualTo("True");
    assertThat(status(rolling, Conditions.STALLED)).isEqualTo("False");
    app.setStatus(rolling);

    ScalableAppStatus done =
        StatusAggregator.aggregate(
            app, Optional.of(deployment(2, 2, 2, 2)), Optional.empty(), NOW.plusSeconds(30));

    Condition reconciling =
        Conditions.find(done.getConditions(), Conditions.RECONCILING).orElseThrow();
    assertThat(reconciling.getStatus()).isEqualTo("False");
    assertThat(reconciling.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:30Z");
    assertThat(reconciling.getObservedGeneration()).isEqualTo(1L);
    assertThat(
            Conditions.find(done.getConditions(), Conditions.STALLED)
                .orElseThrow()
                .getLastTransitionTime())
        .as("unchanged, so kept")
        .isEqualTo("2026-01-01T10:00:00Z");
  }

  @Test
  void stalledNotReconcilingWhenTheRolloutMissedItsDeadline() {
    Deployment stuck =
        new DeploymentBuilder(deployment(2, 1, 1, 2))
            .editStatus()
            .addNewCondition()
            .withType("Progressing")
            .withStatus("False")
            .withReason("ProgressDeadlineExceeded")
            .withMessage("ReplicaSet shop-abc has timed out progressing.")
            .endCondition()
            .endStatus()
            .build();

    ScalableAppStatus s =
        StatusAggregator.aggregate(app, Optional.of(stuck), Optional.empty(), NOW);

    assertThat(status(s, Conditions.STALLED)).isEqualTo("True");
    assertThat(status(s, Conditions.RECONCILING)).isEqualTo("False");
  }

  @Test
  void aPausedRolloutSaysSo() {
    Deployment paused =
        new DeploymentBuilder(deployment(2, 2, 2, 2)).editSpec().withPaused(true).endSpec().build();

    ScalableAppStatus s =
        StatusAggregator.aggregate(app, Optional.of(paused), Optional.empty(), NOW);

    assertThat(Conditions.find(s.getConditions(), Conditions.PROGRESSING).orElseThrow().getReason())
        .isEqualTo("RolloutPaused");
    assertThat(status(s, Conditions.READY)).isEqualTo("True");
  }

  @Test
  void degradedWhenTheRolloutMissedItsDeadline() {
    Deployment stuck =
        new DeploymentBuilder(deployment(2, 1, 1, 2))
            .editStatus()
            .addNewCondition()
            .withType("Progressing")
            .withStatus("False")
            .withReason("ProgressDeadlineExceeded")
            .withMessage("ReplicaSet shop-abc has timed out progressing.")
            .endCondition()
            .endStatus()
            .build();

    ScalableAppStatus s =
        StatusAggregator.aggregate(app, Optional.of(stuck), Optional.empty(), NOW);

    assertThat(Conditions.find(s.getConditions(), Conditions.DEGRADED).orElseThrow().getReason())
        .isEqualTo("ProgressDeadlineExceeded");
  }

  @Test
  void unchangedInputsGiveAnEqualStatus() {
    ScalableAppStatus first =
        StatusAggregator.aggregate(app, Optional.of(deployment(2, 2, 2, 2)), Optional.empty(), NOW);
    app.setStatus(first);

    ScalableAppStatus second =
        StatusAggregator.aggregate(
            app, Optional.of(deployment(2, 2, 2, 2)), Optional.empty(), NOW.plusSeconds(60));

    assertThat(second).isEqualTo(first);
  }
}
