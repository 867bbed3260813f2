package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static io.scalableapp.operator.it.AppAssertions.observed;
import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.status.Conditions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OperatorRestartIT {
  @RegisterExtension static final ClusterNamespace cluster = ClusterNamespace.withPrefix("restart");

  @Test
  void aRestartedOperatorAdoptsExistingAppsWithoutDuplicates() {
    var first = LocalCluster.startOperator(cluster);
    cluster.client().resource(TestApps.app("kept", cluster.name())).create();
    awaitApp(cluster.client(), cluster.name(), "kept", hasCondition(Conditions.READY, "True"));
    String deploymentUid =
        cluster
            .client()
            .apps()
            .deployments()
            .inNamespace(cluster.name())
            .withName("kept")
            .get()
            .getMetadata()
            .getUid();
    first.stop();

    // Changed while no operator ran: the next one must pick it up and keep the same children.
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName("kept")
        .edit(
            a -> {
              a.getSpec().setImage(TestApps.NEW_IMAGE);
              return a;
            });
    var second = LocalCluster.startOperator(cluster);
    try {
      awaitApp(
          cluster.client(),
          cluster.name(),
          "kept",
          observed(2).and(hasCondition(Conditions.READY, "True")));
      var deployments =
          cluster.client().apps().deployments().inNamespace(cluster.name()).list().getItems();
      assertThat(deployments)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.getMetadata().getUid()).isEqualTo(deploymentUid);
                assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .isEqualTo(TestApps.NEW_IMAGE);
              });
      assertThat(cluster.client().services().inNamespace(cluster.name()).list().getItems())
          .hasSize(1);
      assertThat(
              cluster
                  .client()
                  .autoscaling()
                  .v2()
                  .horizontalPodAutoscalers()
                  .inNamespace(cluster.name())
                  .list()
                  .getItems())
          .hasSize(1);
    } finally {
      second.stop();
    }
  }
}
