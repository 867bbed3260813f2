package io.scalableapp.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicasHandoverTest {

  /**
   * A live Deployment at {@code replicas} whose spec.replicas is owned by {@code manager} through
   * {@code operation}.
   */
  static Deployment live(int replicas, String manager, String operation, String subresource) {
    FieldsV1 fields = new FieldsV1();
    fields.setAdditionalProperty("f:spec", Map.of("f:replicas", Map.of()));
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("shop")
        .withNamespace("prod")
        .withManagedFields(
            new ManagedFieldsEntryBuilder()
                .withManager(manager)
                .withOperation(operation)
                .withSubresource(subresource)
                .withFieldsType("FieldsV1")
                .withFieldsV1(fields)
                .build())
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .endSpec()
        .build();
  }

  private static ScalableApp withoutAutoscaling() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().getAutoscaling().setEnabled(false);
    return app;
  }

  @Test
  void theOperatorOwnsReplicasOnlyThroughItsOwnApply() {
    assertThat(
            ReplicasHandover.operatorOwnsReplicas(live(4, "scalableapp-operator", "Apply", null)))
        .isTrue();
    assertThat(
            ReplicasHandover.operatorOwnsReplicas(
                live(4, "kube-controller-manager", "Update", "scale")))
        .isFalse();
    assertThat(
            ReplicasHandover.operatorOwnsReplicas(
                live(4, ReplicasHandover.HANDOVER_MANAGER, "Apply", null)))
        .isFalse();
  }

  @Test
  void takingReplicasBackFromTheHpaStartsFromWhatRuns() {
    Deployment scaledByHpa = live(7, "kube-controller-manager", "Update", "scale");

    assertThat(ReplicasHandover.desiredReplicas(withoutAutoscaling(), 4, Optional.of(scaledByHpa)))
        .isEqualTo(7);
    assertThat(ReplicasHandover.desiredReplicas(withoutAutoscaling(), 9, Optional.of(scaledByHpa)))
        .isEqualTo(9);
  }

  @Test
  void onceTheOperatorOwnsReplicasTheyFollowTheFloor() {
    Deployment owned = live(7, "scalableapp-operator", "Apply", null);

    assertThat(ReplicasHandover.desiredReplicas(withoutAutoscaling(), 4, Optional.of(owned)))
        .isEqualTo(4);
    assertThat(ReplicasHandover.desiredReplicas(withoutAutoscaling(), 4, Optional.empty()))
        .isEqualTo(4);
  }

  @Test
  void whileTheHpaRunsTheOperatorLeavesReplicasOut() {
    Deployment owned = live(7, "scalableapp-operator", "Apply", null);

    assertThat(
            ReplicasHandover.desiredReplicas(TestApps.app("shop", "prod"), 4, Optional.of(owned)))
        .isNull();
  }
}
