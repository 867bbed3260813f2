package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static io.scalableapp.operator.it.AppAssertions.observed;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.status.Conditions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Applying an app's manifest again, as people and GitOps tools do, changes nothing and conflicts
 * with nothing: client-side `kubectl apply`, then server-side apply under Argo CD's and Flux's
 * field managers (without --force-conflicts), and `kubectl diff --server-side` finds nothing after
 * reconciliation, so defaulted fields cause no perpetual diff. Labels and annotations users add to
 * a child survive.
 */
class GitOpsApplyIT {
  @RegisterExtension
  static final ClusterNamespace cluster =
      ClusterNamespace.withPrefix("gitops-apply").withOperator();

  private static final String ARGO_CD = "--field-manager=argocd-controller";
  private static final String FLUX = "--field-manager=kustomize-controller";

  private Path manifest(String name, String image) throws IOException {
    Path file =
        Path.of(
            "target",
            "gitops-apply",
            cluster.name(),
            name + "-" + image.replaceAll("[^a-z0-9.]", "-") + ".yaml");
    Files.createDirectories(file.getParent());
    // What a repository holds: the minimal spec, every default left to the API server.
    Files.writeString(
        file,
        """
        apiVersion: scalableapp.io/v1alpha1
        kind: ScalableApp
        metadata: {name: %s, namespace: %s}
        spec:
          image: %s
          resources: {requests: {cpu: 100m}}
          replicas: {min: 2, max: 5}
        """
            .formatted(name, cluster.name(), image));
    return file;
  }

  private ScalableApp app(String name) {
    return cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName(name)
        .get();
  }

  @Test
  void reapplyingTheSameManifestChangesNothingWhoeverAppliesIt() throws IOException {
    String file = manifest("reapplied", TestApps.IMAGE).toString();
    Kubectl.succeed("apply", "-f", file);
    awaitApp(cluster.client(), cluster.name(), "reapplied", hasCondition(Conditions.READY, "True"));

    assertThat(Kubectl.succeed("apply", "-f", file)).contains("unchanged");
    Kubectl.succeed("apply", "--server-side", ARGO_CD, "-f", file);
    Kubectl.succeed("apply", "--server-side", FLUX, "-f", file);
    assertThat(app("reapplied").getMetadata().getGeneration())
        .as("no apply changed the spec")
        .isEqualTo(1L);
    for (String manager : new String[] {ARGO_CD, FLUX}) {
      Kubectl.Result diff = Kubectl.run("diff", "--server-side", manager, "-f", file);
      assertThat(diff.exitCode())
          .as("kubectl diff %s: %s%s", manager, diff.out(), diff.err())
          .isZero();
      assertThat(diff.out()).isEmpty();
    }
  }

  @Test
  void usersAdditionsToTheDeploymentSurviveAGitOpsRollout() throws IOException {
    Kubectl.succeed(
        "apply", "--server-side", ARGO_CD, "-f", manifest("annotated", TestApps.IMAGE).toString());
    awaitApp(cluster.client(), cluster.name(), "annotated", hasCondition(Conditions.READY, "True"));
    Kubectl.succeed(
        "-n",
        cluster.name(),
        "annotate",
        "deployment",
        "annotated",
        "team.example.com/owner=payments");
    Kubectl.succeed(
        "-n", cluster.name(), "label", "deployment", "annotated", "team.example.com/tier=gold");

    String next = manifest("annotated", TestApps.NEW_IMAGE).toString();
    Kubectl.succeed("apply", "--server-side", ARGO_CD, "-f", next);
    long generation = app("annotated").getMetadata().getGeneration();
    awaitApp(
        cluster.client(),
        cluster.name(),
        "annotated",
        observed(generation).and(hasCondition(Conditions.READY, "True")));

    Deployment d =
        cluster
            .client()
            .apps()
            .deployments()
            .inNamespace(cluster.name())
            .withName("annotated")
            .get();
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(TestApps.NEW_IMAGE);
    assertThat(d.getMetadata().getAnnotations())
        .containsEntry("team.example.com/owner", "payments");
    assertThat(d.getMetadata().getLabels()).containsEntry("team.example.com/tier", "gold");
    Kubectl.Result diff = Kubectl.run("diff", "--server-side", ARGO_CD, "-f", next);
    assertThat(diff.exitCode()).as("kubectl diff: %s%s", diff.out(), diff.err()).isZero();
  }

  /**
   * `make demo` after `kubectl patch sapp shop`: the manifest wins back its fields, as Argo CD and
   * Flux force them.
   */
  @Test
  void aHandPatchedAppIsTakenBackByForcedServerSideApply() throws IOException {
    String file = manifest("patched", TestApps.IMAGE).toString();
    Kubectl.succeed("apply", "--server-side", "-f", file);
    Kubectl.succeed(
        "-n",
        cluster.name(),
        "patch",
        "sapp",
        "patched",
        "--type=merge",
        "-p",
        "{\"spec\":{\"image\":\"" + TestApps.OTHER_IMAGE + "\"}}");

    Kubectl.Result plain = Kubectl.run("apply", "--server-side", "-f", file);
    assertThat(plain.exitCode()).as("without --force-conflicts").isNotZero();
    assertThat(plain.err()).contains("conflict").contains(".spec.image");
    Kubectl.succeed("apply", "--server-side", "--force-conflicts", "-f", file);
    assertThat(app("patched").getSpec().getImage()).isEqualTo(TestApps.IMAGE);
  }
}
