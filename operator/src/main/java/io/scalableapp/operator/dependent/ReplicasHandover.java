package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.translate.AutoscalingDecision;
import java.util.Map;
import java.util.Optional;

/**
 * Hands the Deployment's spec.replicas between the operator and the HPA without a dip, as
 * Kubernetes documents for migrating a Deployment to horizontal autoscaling with server-side apply:
 * an apply that drops a field its manager alone owns removes it, and the API server then defaults
 * replicas to 1. So before the operator's first apply without replicas, a separate field manager
 * takes the field over at its current value (or the floor, if higher) and holds it until the HPA
 * writes it. When the HPA goes away the operator starts from what runs, never below it.
 */
final class ReplicasHandover {
  /** Holds spec.replicas between the operator letting go and the HPA's first write. */
  static final String HANDOVER_MANAGER = "scalableapp-operator-handover";

  private ReplicasHandover() {}

  /**
   * The spec.replicas the operator applies: none while an HPA runs; the floor while the operator
   * owns the field; and when it takes the field back (from the HPA, or from someone who scaled by
   * hand) no fewer than the live Deployment has.
   */
  static Integer desiredReplicas(ScalableApp app, int floor, Optional<Deployment> live) {
    if (AutoscalingDecision.isActive(app)) {
      return null;
    }
    return live.filter(d -> !operatorOwnsReplicas(d))
        .map(d -> Math.max(floor, replicasOf(d)))
        .orElse(floor);
  }

  /**
   * Parks spec.replicas with {@link #HANDOVER_MANAGER} at max(live, floor) when the coming apply of
   * {@code desired} would release it, so the field keeps its value instead of being defaulted to 1.
   */
  static void parkReplicasBeforeRelease(
      KubernetesClient client, Deployment live, Deployment desired, int floor) {
    if (desired.getSpec().getReplicas() != null || !operatorOwnsReplicas(live)) {
      return;
    }
    Deployment replicasOnly =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(live.getMetadata().getName())
            .withNamespace(live.getMetadata().getNamespace())
            .endMetadata()
            .withNewSpec()
            .withReplicas(Math.max(floor, replicasOf(live)))
            .endSpec()
            .build();
    client.resource(replicasOnly).fieldManager(HANDOVER_MANAGER).forceConflicts().serverSideApply();
  }

  /** Whether the operator's own server-side apply owns spec.replicas of {@code deployment}. */
  static boolean operatorOwnsReplicas(Deployment deployment) {
    return deployment.getMetadata().getManagedFields().stream()
        .filter(f -> AppChildResource.FIELD_MANAGER.equals(f.getManager()))
        .filter(f -> "Apply".equals(f.getOperation()))
        .anyMatch(ReplicasHandover::ownsReplicas);
  }

  private static boolean ownsReplicas(ManagedFieldsEntry entry) {
    if (entry.getFieldsV1() == null) {
      return false;
    }
    return entry.getFieldsV1().getAdditionalProperties().get("f:spec") instanceof Map<?, ?> spec
        && spec.containsKey("f:replicas");
  }

  private static int replicasOf(Deployment deployment) {
    Integer replicas = deployment.getSpec().getReplicas();
    return replicas == null ? 0 : replicas;
  }
}
