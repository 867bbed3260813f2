package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.condition;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API server keeps refusing one app's Deployment with a 500 (an admission webhook that cannot
 * be reached, failurePolicy Fail): that app is Degraded with the API server's reason and retried
 * with backoff, the other apps converge meanwhile, and it converges once the webhook is gone.
 */
class RefusedChildrenIT {
  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("refused").withOperator();

  @Test
  void anAppWhoseDeploymentIsRefusedIsDegradedWithoutStallingTheOthers() {
    try (var webhook =
        UnreachableWebhook.refuseDeploymentOf(cluster.client(), cluster.name(), "refused")) {
      cluster.client().resource(TestApps.app("refused", cluster.name())).create();
      IntStream.range(0, 5)
          .forEach(
              i -> cluster.client().resource(TestApps.app("fine-" + i, cluster.name())).create());

      ScalableApp refused =
          awaitApp(cluster.client(), cluster.name(), "refused", hasCondition("Degraded", "True"));
      assertThat(condition(refused, "Degraded").getReason()).isEqualTo("ReconcileError");
      assertThat(condition(refused, "Degraded").getMessage()).contains("failed calling webhook");
      assertThat(condition(refused, "Ready").getStatus()).isEqualTo("False");
      IntStream.range(0, 5)
          .forEach(
              i ->
                  awaitApp(
                      cluster.client(),
                      cluster.name(),
                      "fine-" + i,
                      hasCondition("Ready", "True")));
      await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  cluster
                      .client()
                      .v1()
                      .events()
                      .inNamespace(cluster.name())
                      .list()
                      .getItems()
                      .stream()
                      .anyMatch(
                          e ->
                              "ReconcileFailed".equals(e.getReason())
                                  && "refused".equals(e.getInvolvedObject().getName())));
    }
    awaitApp(
        cluster.client(),
        cluster.name(),
        "refused",
        hasCondition("Ready", "True").and(hasCondition("Degraded", "False")));
  }
}
