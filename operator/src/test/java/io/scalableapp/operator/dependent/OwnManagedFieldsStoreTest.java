package io.scalableapp.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

class OwnManagedFieldsStoreTest {
  private static ManagedFieldsEntry entry(String manager, String operation) {
    return new ManagedFieldsEntryBuilder().withManager(manager).withOperation(operation).build();
  }

  @Test
  void keepsOnlyTheOperatorsOwnManagedFields() {
    Deployment live =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("shop")
            .withNamespace("prod")
            .withManagedFields(
                entry("scalableapp-operator", "Apply"),
                entry(ReplicasHandover.HANDOVER_MANAGER, "Apply"),
                entry("kube-controller-manager", "Update"),
                entry("kubectl-edit", "Update"))
            .endMetadata()
            .build();
    OwnManagedFieldsStore<Deployment> store = new OwnManagedFieldsStore<>();

    store.put(store.getKey(live), live);

    assertThat(store.get("prod/shop").getMetadata().getManagedFields())
        .extracting(ManagedFieldsEntry::getManager)
        .containsExactly("scalableapp-operator", ReplicasHandover.HANDOVER_MANAGER);
  }
}
