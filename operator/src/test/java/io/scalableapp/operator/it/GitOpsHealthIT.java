package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static io.scalableapp.operator.it.AppAssertions.observed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.dependent.Pause;
import io.scalableapp.operator.it.GitOpsCheckers.Verdict;
import io.scalableapp.operator.status.Conditions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Flux (kstatus) and Argo CD (health.lua) report for an app through create, rollout, failure
 * and deletion, computed by the real libraries (hack/gitops) from the objects on the real API
 * server. Each state Argo CD's health check distinguishes is captured to target/argocd-captured/
 * and, with -Dargocd.testdata=<dir> (`make argocd-testdata`), to the committed test cases of
 * health.lua.
 */
class GitOpsHealthIT {
  @RegisterExtension static final ClusterNamespace cluster = ClusterNamespace.withPrefix("gitops");
  private static final Path CAPTURED = Path.of("target/argocd-captured");

  private NonNamespaceOperation<ScalableApp, ?, Resource<ScalableApp>> apps() {
    return cluster.client().resources(ScalableApp.class).inNamespace(cluster.name());
  }

  @Test
  void fluxAndArgoCdFollowAnAppFromCreationToDeletion() throws Exception {
    String ns = cluster.name();
    apps().resource(TestApps.app("shop", ns)).create();
    // No operator yet: the API server's status default (observedGeneration 0) keeps kstatus from
    // calling it Current.
    assertThat(GitOpsCheckers.kstatus(ns, "shop").status()).isEqualTo("InProgress");
    assertArgoCd("missing", "shop", "Missing");

    LocalCluster.RunningOperator operator = LocalCluster.startOperator(cluster);
    try {
      awaitKstatus("shop", "Current");
      assertArgoCd("healthy", "shop", "Healthy");

      ScalableApp unschedulable = TestApps.app("unschedulable", ns);
      unschedulable.getSpec().getResources().getRequests().put("cpu", new Quantity("100000"));
      apps().resource(unschedulable).create();
      awaitApp(
          cluster.client(),
          ns,
          "unschedulable",
          observed(1).and(hasCondition(Conditions.RECONCILING, "True")));
      assertThat(GitOpsCheckers.kstatus(ns, "unschedulable").status()).isEqualTo("InProgress");
      assertArgoCd("progressing", "unschedulable", "Progressing");

      // A rollout held by `kubectl rollout pause`, then let go: InProgress (Argo CD: Suspended),
      // then Current.
      setPaused(true);
      apps()
          .withName("shop")
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"spec\":{\"image\":\"" + TestApps.NEW_IMAGE + "\"}}");
      awaitApp(
          cluster.client(),
          ns,
          "shop",
          observed(2).and(hasCondition(Conditions.RECONCILING, "True")));
      assertThat(GitOpsCheckers.kstatus(ns, "shop").status()).isEqualTo("InProgress");
      assertArgoCd("suspended", "shop", "Suspended");
      setPaused(false);
      awaitKstatus("shop", "Current");
      assertThat(
              cluster
                  .client()
                  .apps()
                  .deployments()
                  .inNamespace(ns)
                  .withName("shop")
                  .get()
                  .getSpec()
                  .getTemplate()
                  .getSpec()
                  .getContainers()
                  .get(0)
                  .getImage())
          .isEqualTo(TestApps.NEW_IMAGE);

      // Held by the pause annotation: Suspended for Argo CD, as a paused KEDA ScaledObject; Current
      // for kstatus.
      annotatePaused("\"2\"");
      awaitApp(cluster.client(), ns, "shop", hasCondition("Paused", "True"));
      assertArgoCd("paused", "shop", "Suspended");
      annotatePaused("null");
      awaitApp(cluster.client(), ns, "shop", hasCondition("Paused", "False"));

      try (var webhook = UnreachableWebhook.refuseDeploymentOf(cluster.client(), ns, "refused")) {
        apps().resource(TestApps.app("refused", ns)).create();
        Verdict failed = awaitKstatus("refused", "Failed");
        assertThat(failed.message()).contains("failed calling webhook");
        assertArgoCd("degraded", "refused", "Degraded");
      }

      apps().withName("shop").delete();
      awaitKstatus("shop", "NotFound");
    } finally {
      operator.stop();
    }
  }

  private void setPaused(boolean paused) {
    // A merge patch without resourceVersion, as `kubectl rollout pause` sends: no conflict with
    // status writes.
    cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(cluster.name())
        .withName("shop")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":" + paused + "}}");
  }

  private void annotatePaused(String jsonValue) {
    apps()
        .withName("shop")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\""
                + Pause.PAUSED_REPLICAS
                + "\":"
                + jsonValue
                + "}}}");
  }

  private static Verdict awaitKstatus(String name, String status) {
    return await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .alias("kstatus of " + name + " becomes " + status)
        .until(() -> GitOpsCheckers.kstatus(cluster.name(), name), v -> status.equals(v.status()));
  }

  /** Saves the app as the API server serves it and has Argo CD's health check judge that copy. */
  private void assertArgoCd(String state, String name, String health) throws IOException {
    GenericKubernetesResource raw =
        cluster
            .client()
            .genericKubernetesResources(
                ScalableApp.GROUP + "/" + ScalableApp.VERSION, "ScalableApp")
            .inNamespace(cluster.name())
            .withName(name)
            .get();
    // Server-set identity and bookkeeping say nothing about health and would churn the committed
    // copies.
    raw.getMetadata().setManagedFields(null);
    raw.getMetadata().setUid(null);
    raw.getMetadata().setResourceVersion(null);
    raw.getMetadata().setCreationTimestamp(null);
    raw.getMetadata().setNamespace("shop-team");
    String yaml = Serialization.asYaml(raw);
    Path captured = CAPTURED.resolve(state + ".yaml");
    Files.createDirectories(CAPTURED);
    Files.writeString(captured, yaml);
    assertThat(GitOpsCheckers.argoCdHealth(captured))
        .as(yaml)
        .extracting(Verdict::status)
        .isEqualTo(health);
    String testdata = System.getProperty("argocd.testdata");
    if (testdata != null && !testdata.isBlank()) {
      Files.writeString(Path.of(testdata).resolve(state + ".yaml"), yaml);
    }
  }
}
