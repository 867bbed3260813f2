package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static io.scalableapp.operator.it.AppAssertions.observed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RBAC proven by the API server: the packaged operator runs as the chart's ServiceAccount, holding
 * exactly the permissions and the settings the chart renders for `watchNamespaces: [apps]` (a token
 * in a kubeconfig, as a Pod has), and fully reconciles a predicted app there (children, status,
 * Events, learned-state ConfigMap, Lease). A permission the chart forgot fails that; a permission
 * it must not grant is refused to the same identity.
 */
class ChartRbacIT {
  private static final String RELEASE = "rbac-it";
  private static final String IDENTITY = "rbac-it-operator-0";

  @RegisterExtension
  static final ClusterNamespace release = ClusterNamespace.withPrefix("chart-release");

  @RegisterExtension static final ClusterNamespace apps = ClusterNamespace.withPrefix("chart-apps");

  @RegisterExtension
  static final ClusterNamespace outside = ClusterNamespace.withPrefix("chart-outside");

  private static List<HasMetadata> rendered;
  private static Path kubeconfig;
  private static KubernetesClient operatorIdentity;
  private static OperatorProcess operator;

  @BeforeAll
  static void runOperatorAsTheChartsServiceAccount() throws Exception {
    KubernetesClient admin = release.client();
    rendered =
        HelmChart.template(
            admin,
            RELEASE,
            release.name(),
            "--set",
            "watchNamespaces={" + apps.name() + "}",
            "--set",
            "prometheus.url=http://127.0.0.1:1",
            "--set",
            "crds.enabled=false",
            "--show-only",
            "templates/serviceaccount.yaml",
            "--show-only",
            "templates/rbac.yaml",
            "--show-only",
            "templates/deployment.yaml",
            "--show-only",
            "templates/cdn-purge-key.yaml");
    rendered.stream()
        .filter(o -> !(o instanceof Deployment))
        .forEach(o -> admin.resource(o).serverSideApply());
    ServiceAccount account = only(ServiceAccount.class);
    String token =
        admin
            .serviceAccounts()
            .inNamespace(release.name())
            .withName(account.getMetadata().getName())
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(3600L)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    kubeconfig = writeKubeconfig(admin.getConfiguration(), token);
    operatorIdentity =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
            .build();
    Map<String, String> env = new LinkedHashMap<>(containerEnv(only(Deployment.class)));
    env.put("KUBECONFIG", kubeconfig.toString());
    operator = OperatorProcess.start("chart-rbac", Map.of(), env);
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              assertThat(operator.isAlive())
                  .as("operator exited:\n%s", operator.logTail())
                  .isTrue();
              return operator.isReady();
            });
  }

  @AfterAll
  static void stop() throws Exception {
    if (operator != null) {
      operator.close();
    }
    if (operatorIdentity != null) {
      operatorIdentity.close();
    }
    if (kubeconfig != null) {
      Files.deleteIfExists(kubeconfig);
    }
  }

  @Test
  void fullyReconcilesAPredictedAppWithTheChartsPermissionsOnly() throws Exception {
    KubernetesClient admin = apps.client();
    ScalableApp app = admin.resource(TestApps.predicted("shop", apps.name(), 10)).create();

    ScalableApp done =
        awaitApp(
            admin,
            apps.name(),
            "shop",
            observed(app.getMetadata().getGeneration())
                .and(hasCondition("Ready", "True"))
                .and(hasCondition("MetricsAvailable", "False")));
    assertThat(done.getStatus().getServiceName()).isEqualTo("shop");
    assertThat(admin.apps().deployments().inNamespace(apps.name()).withName("shop").get())
        .isNotNull();
    assertThat(admin.services().inNamespace(apps.name()).withName("shop").get()).isNotNull();
    assertThat(
            admin
                .autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(apps.name())
                .withName("shop")
                .get())
        .isNotNull();
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(
                      admin
                          .configMaps()
                          .inNamespace(apps.name())
                          .withName("shop-scalableapp-state")
                          .get())
                  .as("learned-state ConfigMap (operator log:\n%s)", operator.logTail())
                  .isNotNull();
              assertThat(admin.v1().events().inNamespace(apps.name()).list().getItems())
                  .as("Events on the app")
                  .anyMatch(e -> "shop".equals(e.getInvolvedObject().getName()));
            });
    assertThat(
            admin
                .leases()
                .inNamespace(release.name())
                .withName(RELEASE + "-scalableapp-operator")
                .get()
                .getSpec()
                .getHolderIdentity())
        .isEqualTo(IDENTITY);

    // Autoscaling switched off: the operator itself deletes the HPA (the other children go by
    // garbage collection).
    ScalableApp off =
        admin
            .resources(ScalableApp.class)
            .inNamespace(apps.name())
            .withName("shop")
            .edit(
                a -> {
                  a.getSpec().getAutoscaling().setEnabled(false);
                  return a;
                });
    awaitApp(
        admin,
        apps.name(),
        "shop",
        observed(off.getMetadata().getGeneration())
            .and(hasCondition("Autoscaling", "False"))
            .and(hasCondition("Ready", "True")));
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(
                        admin
                            .autoscaling()
                            .v2()
                            .horizontalPodAutoscalers()
                            .inNamespace(apps.name())
                            .withName("shop")
                            .get())
                    .as("HPA deleted by the operator")
                    .isNull());
  }

  @Test
  void refusesWhatTheChartMustNotGrant() {
    assertForbidden(() -> operatorIdentity.secrets().inNamespace(apps.name()).list());
    assertForbidden(() -> operatorIdentity.secrets().inNamespace(release.name()).list());
    assertForbidden(
        () -> operatorIdentity.resources(ScalableApp.class).inNamespace(outside.name()).list());
    assertForbidden(() -> operatorIdentity.apps().deployments().inNamespace(outside.name()).list());
    assertForbidden(() -> operatorIdentity.resources(ScalableApp.class).inAnyNamespace().list());
    assertForbidden(
        () -> operatorIdentity.pods().inNamespace(apps.name()).withName("any").delete());
    assertForbidden(() -> operatorIdentity.rbac().roles().inNamespace(apps.name()).list());
    assertForbidden(() -> operatorIdentity.leases().inNamespace(apps.name()).list());
  }

  /**
   * Cluster-wide mode grants the same rules through a ClusterRole: what the namespaced run proved
   * holds there too.
   */
  @Test
  void clusterWideModeGrantsTheSameRules() throws Exception {
    List<HasMetadata> clusterWide =
        HelmChart.template(
            release.client(), RELEASE, release.name(), "--show-only", "templates/rbac.yaml");
    List<PolicyRule> clusterRules =
        clusterWide.stream()
            .filter(ClusterRole.class::isInstance)
            .map(ClusterRole.class::cast)
            .findFirst()
            .orElseThrow()
            .getRules();
    List<PolicyRule> namespacedRules =
        rendered.stream()
            .filter(Role.class::isInstance)
            .map(Role.class::cast)
            .filter(r -> apps.name().equals(r.getMetadata().getNamespace()))
            .findFirst()
            .orElseThrow()
            .getRules();
    assertThat(clusterRules).isEqualTo(namespacedRules);
  }

  private static void assertForbidden(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }

  private static <T extends HasMetadata> T only(Class<T> kind) {
    return rendered.stream()
        .filter(kind::isInstance)
        .map(kind::cast)
        .reduce(
            (a, b) -> {
              throw new IllegalStateException(
                  "the chart rendered more than one " + kind.getSimpleName());
            })
        .orElseThrow();
  }

  /**
   * The operator container's environment as the chart renders it, with what the kubelet would fill
   * in.
   */
  private static Map<String, String> containerEnv(Deployment deployment) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar v : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
      if (v.getValueFrom() == null) {
        env.put(v.getName(), v.getValue());
      } else if (v.getValueFrom().getSecretKeyRef() != null) {
        var ref = v.getValueFrom().getSecretKeyRef();
        Secret secret =
            rendered.stream()
                .filter(Secret.class::isInstance)
                .map(Secret.class::cast)
                .filter(x -> x.getMetadata().getName().equals(ref.getName()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalStateException("the chart renders no Secret " + ref.getName()));
        env.put(
            v.getName(),
            new String(
                Base64.getDecoder().decode(secret.getData().get(ref.getKey())),
                java.nio.charset.StandardCharsets.UTF_8));
      } else {
        String field = v.getValueFrom().getFieldRef().getFieldPath();
        env.put(
            v.getName(),
            switch (field) {
              case "metadata.namespace" -> release.name();
              case "metadata.name" -> IDENTITY;
              default -> throw new IllegalStateException("unexpected fieldRef " + field);
            });
      }
    }
    return env;
  }

  /**
   * A kubeconfig that authenticates with the ServiceAccount's token only, as the operator's Pod
   * would.
   */
  private static Path writeKubeconfig(Config admin, String token) throws Exception {
    String ca =
        admin.getCaCertData() != null
            ? admin.getCaCertData()
            : Base64.getEncoder()
                .encodeToString(Files.readAllBytes(Path.of(admin.getCaCertFile())));
    Path file =
        Files.createTempFile(
            "chart-rbac-kubeconfig",
            ".yaml",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: local
            cluster: {server: "%s", certificate-authority-data: "%s"}
        users:
          - name: operator
            user: {token: "%s"}
        contexts:
          - name: operator
            context: {cluster: local, user: operator}
        current-context: operator
        """
            .formatted(admin.getMasterUrl(), ca, token));
    return file;
  }
}
