package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static io.scalableapp.operator.it.AppAssertions.observed;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.reconciler.Conditions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OperatorRestartIT {
  private static KubernetesClient client;
  private static String namespace;

  @BeforeAll
  static void start() throws Exception {
    client = LocalCluster.client();
    LocalCluster.installCrd(client);
    namespace = LocalCluster.createNamespace(client, "restart");
  }

  @AfterAll
  static void stop() {
    if (namespace != null) LocalCluster.deleteNamespace(client, namespace);
    client.close();
  }

  @Test
  void aRestartedOperatorAdoptsExistingAppsWithoutDuplicates() {
    var first = LocalCluster.startOperator(client);
    client.resource(TestApps.app("kept", namespace)).create();
    awaitApp(client, namespace, "kept", hasCondition(Conditions.READY, "True"));
    String deploymentUid = client.apps().deployments().inNamespace(namespace).withName("kept").get()
        .getMetadata().getUid();
    first.stop();

    // Changed while no operator ran: the next one must pick it up and keep the same children.
    client.resources(ScalableApp.class).inNamespace(namespace).withName("kept")
        .edit(a -> { a.getSpec().setImage("registry.example/shop:3.0"); return a; });
    var second = LocalCluster.startOperator(client);
    try {
      awaitApp(client, namespace, "kept", observed(2).and(hasCondition(Conditions.READY, "True")));
      var deployments = client.apps().deployments().inNamespace(namespace).list().getItems();
      assertThat(deployments).singleElement().satisfies(d -> {
        assertThat(d.getMetadata().getUid()).isEqualTo(deploymentUid);
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
            .isEqualTo("registry.example/shop:3.0");
      });
      assertThat(client.services().inNamespace(namespace).list().getItems()).hasSize(1);
      assertThat(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).list().getItems())
          .hasSize(1);
    } finally {
      second.stop();
    }
  }
}
