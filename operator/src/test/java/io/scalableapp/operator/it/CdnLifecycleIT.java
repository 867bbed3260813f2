package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.cdn.CacheRuleSpec;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.cdn.CdnFinalizer;
import io.scalableapp.operator.cdn.CdnPolicies;
import io.scalableapp.operator.cdn.CdnSettings;
import io.scalableapp.operator.cdn.varnish.VclBackend;
import io.scalableapp.operator.cdn.varnish.VclGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An app with the varnish provider through its life: the edge's objects, a rollout purged exactly
 * once after its pods are ready, no purge on a reconcile that rolls nothing out, one purge across
 * an operator restart in the middle of a rollout and none after a restart, and everything gone when
 * spec.cdn goes. kwok runs no edge pods, so the operator's BANs go to a real local varnishd
 * (scalableapp.cdn.varnish.purge-addresses), which counts them (MAIN.bans_added).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CdnLifecycleIT {
  static final String APP = "web";

  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("cdn-lifecycle");

  static TestOrigin origin;
  static VarnishServer edge;
  static Path edgeDir;
  static CdnSettings settings;
  static LocalCluster.RunningOperator operator;

  /** varnishd counts a ban of its own at start. */
  static long bansAtStart;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    edgeDir = Files.createTempDirectory("cdn-lifecycle");
    // Until the app exists there is no token: the edge starts with one nobody has and loads the
    // app's below.
    edge =
        VarnishServer.start(
            edgeVcl(VarnishServer.purgeTokenFile(edgeDir, "f".repeat(64))), edgeDir);
    bansAtStart = edge.counter("MAIN.bans_added");
    settings = CdnSettings.defaults().withVarnishPurgeAddresses(List.of(edge.purgeAddress()));
    operator = LocalCluster.startOperator(cluster, settings);
  }

  @AfterAll
  static void stop() {
    if (operator != null) operator.stop();
    if (edge != null) edge.close();
    if (origin != null) origin.close();
  }

  static String edgeVcl(String purgeTokenFile) {
    return VclGenerator.generate(
        CdnPolicies.from(cdn()),
        new VclBackend("127.0.0.1", origin.port(), "/healthz", purgeTokenFile));
  }

  static void loadThePurgeSecret(String app) throws Exception {
    edge.loadPurgeSecret(cluster.client(), cluster.name(), app, CdnLifecycleIT::edgeVcl);
  }

  static CdnSpec cdn() {
    CdnSpec cdn = new CdnSpec();
    cdn.setProvider(CdnSpec.Provider.varnish);
    CacheRuleSpec statics = new CacheRuleSpec();
    statics.setName("static");
    statics.setPathPrefix("/static/");
    statics.setTtl("1d");
    cdn.setRules(List.of(statics));
    return cdn;
  }

  static ScalableApp app(String name) {
    ScalableApp app = TestApps.app(name, cluster.name());
    app.getSpec().setCdn(cdn());
    return app;
  }

  static ScalableApp awaitWeb(java.util.function.Predicate<ScalableApp> test) {
    return AppAssertions.awaitApp(cluster.client(), cluster.name(), APP, test);
  }

  static java.util.function.Predicate<ScalableApp> purgedRevision(String revision) {
    return a ->
        a.getStatus() != null
            && a.getStatus().getCdn() != null
            && revision.equals(a.getStatus().getCdn().getPurgedRevision());
  }

  static long bans() throws Exception {
    return edge.counter("MAIN.bans_added");
  }

  static void setImage(String image) {
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName(APP)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"image\":\"" + image + "\"}}");
  }

  static void pauseRollout(boolean paused) {
    cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(cluster.name())
        .withName(APP)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":" + paused + "}}");
  }

  static double reconciliations(LocalCluster.RunningOperator op) {
    return op.registry().find("scalableapp_reconciliations_succeeded").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  @Test
  @Order(1)
  void theAppGetsItsEdgeAndCdnReady() throws Exception {
    cluster.client().resource(app(APP)).create();
    ScalableApp ready =
        awaitWeb(AppAssertions.hasCondition("CdnReady", "True").and(purgedRevision("1")));

    String edgeName = APP + "-edge";
    var ns =
        cluster
            .client()
            .adapt(io.fabric8.kubernetes.client.NamespacedKubernetesClient.class)
            .inNamespace(cluster.name());
    ConfigMap vcl = ns.configMaps().withName(edgeName).get();
    assertThat(vcl.getData().get("default.vcl"))
        .contains(".host = \"" + APP + "." + cluster.name() + ".svc\"")
        .contains("# rule static");
    Deployment edgeDeployment = ns.apps().deployments().withName(edgeName).get();
    assertThat(edgeDeployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("scalableapp.io/vcl-hash", ready.getStatus().getCdn().getAppliedVersion());
    assertThat(edgeDeployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("varnish:7.1");
    Service edgeService = ns.services().withName(edgeName).get();
    Map<String, String> appSelector = ns.services().withName(APP).get().getSpec().getSelector();
    assertThat(
            edgeDeployment
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels()
                .entrySet()
                .containsAll(appSelector.entrySet()))
        .as("the app's Service never selects the edge pods")
        .isFalse();
    assertThat(edgeService.getSpec().getSelector())
        .isEqualTo(edgeDeployment.getSpec().getSelector().getMatchLabels());
    HorizontalPodAutoscaler edgeHpa =
        ns.resources(HorizontalPodAutoscaler.class).withName(edgeName).get();
    assertThat(edgeHpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(edgeHpa.getSpec().getScaleTargetRef().getName()).isEqualTo(edgeName);
    assertThat(ready.getMetadata().getFinalizers()).contains(CdnFinalizer.NAME);
    assertThat(ready.getStatus().getCdn().getLastPurge())
        .as("a first deployment has nothing old to purge")
        .isNull();
    assertThat(bans()).as("no purge for a first deployment").isEqualTo(bansAtStart);
    assertThat(edgeService.getSpec().getPorts())
        .extracting(p -> p.getTargetPort().getStrVal())
        .as("the purge listener is not behind the edge Service")
        .containsExactly("http");
    loadThePurgeSecret(APP);
  }

  @Test
  @Order(2)
  void aRolloutPurgesExactlyOnceAfterItsPodsAreReady() throws Exception {
    long before = bans();
    setImage(TestApps.NEW_IMAGE);
    ScalableApp purged = awaitWeb(purgedRevision("2"));
    assertThat(purged.getStatus().getCdn().getLastPurge().getReason())
        .isEqualTo("rollout to revision 2");
    assertThat(bans()).isEqualTo(before + 1);
    Deployment app =
        cluster.client().apps().deployments().inNamespace(cluster.name()).withName(APP).get();
    assertThat(app.getStatus().getUpdatedReplicas()).isEqualTo(app.getStatus().getReadyReplicas());
    assertThat(cluster.client().v1().events().inNamespace(cluster.name()).list().getItems())
        .anyMatch(e -> "CdnPurged".equals(e.getReason()) && e.getMessage().contains("revision 2"));
  }

  @Test
  @Order(3)
  void aReconcileThatRollsNothingOutDoesNotPurge() throws Exception {
    long before = bans();
    double reconciled = reconciliations(operator);
    ScalableApp changed =
        cluster
            .client()
            .resources(ScalableApp.class)
            .inNamespace(cluster.name())
            .withName(APP)
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"cdn\":{\"defaults\":{\"browserTtl\":\"1m\"}}}}");
    String oldVersion = changed.getStatus().getCdn().getAppliedVersion();
    ScalableApp applied =
        awaitWeb(
            AppAssertions.observed(changed.getMetadata().getGeneration())
                .and(a -> !oldVersion.equals(a.getStatus().getCdn().getAppliedVersion())));
    await().atMost(Duration.ofSeconds(60)).until(() -> reconciliations(operator) >= reconciled + 2);
    assertThat(bans()).isEqualTo(before);
    assertThat(applied.getStatus().getCdn().getPurgedRevision()).isEqualTo("2");
  }

  @Test
  @Order(4)
  void aRestartInTheMiddleOfARolloutPurgesOnceWhenItCompletes() throws Exception {
    long before = bans();
    pauseRollout(true);
    setImage(TestApps.OTHER_IMAGE);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                TestApps.OTHER_IMAGE.equals(
                    cluster
                        .client()
                        .apps()
                        .deployments()
                        .inNamespace(cluster.name())
                        .withName(APP)
                        .get()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage()));
    operator.stop();
    operator = LocalCluster.startOperator(cluster, settings);
    pauseRollout(false);
    ScalableApp purged = awaitWeb(purgedRevision("3"));
    assertThat(purged.getStatus().getCdn().getLastPurge().getReason())
        .isEqualTo("rollout to revision 3");
    assertThat(bans()).isEqualTo(before + 1);

    // And a restart after it: the new instance reconciles the app and finds revision 3 already
    // purged.
    operator.stop();
    operator = LocalCluster.startOperator(cluster, settings);
    await().atMost(Duration.ofSeconds(60)).until(() -> reconciliations(operator) >= 1);
    assertThat(bans()).isEqualTo(before + 1);
  }

  @Test
  @Order(5)
  void removingSpecCdnRemovesTheEdgeTheStatusAndTheFinalizer() {
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName(APP)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"cdn\":null}}");
    ScalableApp plain =
        awaitWeb(
            a ->
                a.getStatus() != null
                    && a.getStatus().getCdn() == null
                    && a.getStatus().getConditions().stream()
                        .noneMatch(c -> "CdnReady".equals(c.getType()))
                    && !CdnFinalizer.isOn(a));
    assertThat(plain.getSpec().getCdn()).isNull();
    var ns =
        cluster
            .client()
            .adapt(io.fabric8.kubernetes.client.NamespacedKubernetesClient.class)
            .inNamespace(cluster.name());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                ns.configMaps().withName(APP + "-edge").get() == null
                    && ns.apps().deployments().withName(APP + "-edge").get() == null
                    && ns.services().withName(APP + "-edge").get() == null
                    && ns.resources(HorizontalPodAutoscaler.class).withName(APP + "-edge").get()
                        == null);
    assertThat(ns.apps().deployments().withName(APP).get())
        .as("the app itself keeps running")
        .isNotNull();
  }

  @Test
  @Order(6)
  void deletingAnAppWithACdnRemovesItAndReleasesTheFinalizer() {
    cluster.client().resource(app("shop")).create();
    AppAssertions.awaitApp(
        cluster.client(),
        cluster.name(),
        "shop",
        AppAssertions.hasCondition("CdnReady", "True").and(CdnFinalizer::isOn));
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName("shop")
        .delete();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                cluster
                        .client()
                        .resources(ScalableApp.class)
                        .inNamespace(cluster.name())
                        .withName("shop")
                        .get()
                    == null);
    assertThat(cluster.client().v1().events().inNamespace(cluster.name()).list().getItems())
        .anyMatch(
            e ->
                "CdnRemoved".equals(e.getReason())
                    && "shop".equals(e.getInvolvedObject().getName()));
  }
}
