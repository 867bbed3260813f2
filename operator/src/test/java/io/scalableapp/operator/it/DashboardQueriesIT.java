package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.cdn.CdnPolicies;
import io.scalableapp.operator.cdn.varnish.VclBackend;
import io.scalableapp.operator.cdn.varnish.VclGenerator;
import io.scalableapp.operator.dashboard.GrafanaDashboard;
import io.scalableapp.operator.dashboard.MainPanelChart;
import io.scalableapp.operator.dashboard.PrometheusApi;
import io.scalableapp.testsupport.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chart's Grafana dashboard against real data: the packaged operator runs a predicted app (NASA
 * traffic replayed through a real Prometheus, as in `make demo`) and a CDN app (a real varnishd
 * taking its purges), and the same Prometheus scrapes the operator's /metrics. Every panel's
 * PromQL, with the dashboard's variables substituted as Grafana substitutes them, must parse and
 * return series; the variables must list the app.
 */
class DashboardQueriesIT {
  private static final String PREDICTED = "nasa-web";
  private static final String CDN = "storefront";
  private static final String OPERATOR_JOB = "scalableapp-operator";

  /**
   * Grafana's $__rate_interval is at least four scrape intervals (5 s here) and one minute by
   * default.
   */
  private static final String RATE_INTERVAL = "1m";

  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("dashboard");

  private static TraceReplay trace;
  private static PrometheusServer prometheus;
  private static TestOrigin origin;
  private static VarnishServer edge;
  private static OperatorProcess operator;
  private static GrafanaDashboard dashboard;
  private static Instant started;

  @BeforeAll
  static void start() throws Exception {
    dashboard = GrafanaDashboard.read(GrafanaDashboard.CHART_COPY);
    Instant traceNow =
        Instant.parse("1995-07-20T06:30:00Z"); // PredictiveScalingIT's weekday morning ramp
    trace = TraceReplay.of(TraceReplay.NASA, traceNow, "nasa_requests_per_minute");
    int operatorPort = PrometheusServer.freePort();
    prometheus =
        trace.startPrometheus(traceNow, Duration.ofDays(7), Map.of(OPERATOR_JOB, operatorPort));
    origin = new TestOrigin();
    Path edgeDir = Files.createTempDirectory("dashboard-edge");
    // No token until the app exists: the edge loads the app's from its purge Secret once the
    // operator wrote it.
    edge =
        VarnishServer.start(
            edgeVcl(VarnishServer.purgeTokenFile(edgeDir, "f".repeat(64))), edgeDir);
    started = Instant.now();
    operator =
        OperatorProcess.start(
            "dashboard-it",
            operatorPort,
            List.of("-Xmx256m"),
            Map.of(
                "scalableapp.operator.namespaces", cluster.name(),
                "scalableapp.prometheus.url", prometheus.url().toString(),
                "scalableapp.prediction.interval", "2s",
                "scalableapp.cdn.varnish.purge-addresses",
                    "127.0.0.1:" + edge.purgeAddress().getPort(),
                // Elected, as deployed, so the leader panel shows a leader.
                "scalableapp.leader-election.lease-namespace", cluster.name()),
            Map.of());
    await().atMost(TIMEOUT).until(operator::isReady);
  }

  private static String edgeVcl(String purgeTokenFile) {
    return VclGenerator.generate(
        CdnPolicies.from(CdnLifecycleIT.cdn()),
        new VclBackend("127.0.0.1", origin.port(), "/healthz", purgeTokenFile));
  }

  @AfterAll
  static void stop() throws Exception {
    if (operator != null) operator.close();
    if (edge != null) edge.close();
    if (origin != null) origin.close();
    if (prometheus != null) prometheus.close();
    if (trace != null) trace.close();
  }

  @Test
  void everyPanelsQueryReturnsSeriesForAPredictedAndACdnApp() throws Exception {
    PrometheusApi api = new PrometheusApi(prometheus.url());
    Map<String, String> variables =
        Map.of("namespace", cluster.name(), "app", PREDICTED, "datasource", "prometheus");
    // Parsing needs no data: a query Prometheus refuses fails at once, naming its panel.
    for (GrafanaDashboard.Panel panel : dashboard.panels()) {
      for (GrafanaDashboard.Target target : panel.targets()) {
        String promql = GrafanaDashboard.substitute(target.expr(), variables, RATE_INTERVAL);
        assertThat(api.query(promql).error())
            .as("panel '%s', query %s", panel.title(), promql)
            .isNull();
      }
    }

    cluster.client().resource(predicted()).create();
    ScalableApp cdnApp = TestApps.app(CDN, cluster.name());
    cdnApp.getSpec().setCdn(CdnLifecycleIT.cdn());
    cluster.client().resource(cdnApp).create();
    awaitApp(cluster.client(), cluster.name(), PREDICTED, hasCondition("MetricsAvailable", "True"));
    awaitApp(
        cluster.client(),
        cluster.name(),
        CDN,
        hasCondition("CdnReady", "True")
            .and(a -> a.getStatus().getCdn().getPurgedRevision() != null));
    edge.loadPurgeSecret(cluster.client(), cluster.name(), CDN, DashboardQueriesIT::edgeVcl);
    // A rollout, purged once its pods are ready: the purge panel shows a real purge.
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName(CDN)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"image\":\"" + TestApps.NEW_IMAGE + "\"}}");
    awaitApp(
        cluster.client(), cluster.name(), CDN, a -> a.getStatus().getCdn().getLastPurge() != null);

    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(panelsWithoutSeries(api, variables))
                    .as("panels whose queries returned no series")
                    .isEmpty());
    for (GrafanaDashboard.Variable variable : dashboard.variables()) {
      String selector = GrafanaDashboard.substitute(variable.selector(), variables, RATE_INTERVAL);
      assertThat(api.labelValues(variable.label(), selector))
          .as("variable %s (%s)", variable.name(), selector)
          .contains(variables.get(variable.name()));
    }
    // The values behind the panels are the operator's own: one leader, the CDN app counted and
    // purged once.
    assertThat(value(api, "sum(scalableapp_leader)")).isEqualTo(1);
    assertThat(value(api, "sum(scalableapp_cdn_apps{provider=\"varnish\"})")).isEqualTo(1);
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                value(
                        api,
                        "sum(scalableapp_cdn_purges_total{provider=\"varnish\", outcome=\"success\"})")
                    == 1);
    String app = "{namespace=\"" + cluster.name() + "\", app=\"" + PREDICTED + "\"}";
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                value(api, "scalableapp_ready_replicas" + app)
                    >= value(api, "scalableapp_recommended_replicas" + app));

    // The main panel drawn from this run's data, as `make dashboard-png` draws it from the demo's.
    Path png = Path.of("target", "dashboard-main-panel.png");
    MainPanelChart.render(api, dashboard, cluster.name(), PREDICTED, started, Instant.now(), png);
    assertThat(png).isNotEmptyFile();
  }

  /** Titles of the panels none of whose queries returns a series now, each with its queries. */
  private static List<String> panelsWithoutSeries(PrometheusApi api, Map<String, String> variables)
      throws Exception {
    List<String> empty = new ArrayList<>();
    for (GrafanaDashboard.Panel panel : dashboard.panels()) {
      Map<String, Integer> seriesByQuery = new LinkedHashMap<>();
      for (GrafanaDashboard.Target target : panel.targets()) {
        String promql = GrafanaDashboard.substitute(target.expr(), variables, RATE_INTERVAL);
        seriesByQuery.put(promql, api.query(promql).series().size());
      }
      if (seriesByQuery.values().stream().allMatch(n -> n == 0)) {
        empty.add(panel.title() + " " + seriesByQuery.keySet());
      }
    }
    return empty;
  }

  /** The single value of an instant query; NaN when it returns nothing. */
  private static double value(PrometheusApi api, String promql) throws Exception {
    PrometheusApi.Answer answer = api.query(promql);
    return answer.series().isEmpty()
        ? Double.NaN
        : Double.parseDouble(answer.series().get(0).path("value").get(1).asText());
  }

  private static ScalableApp predicted() {
    ScalableApp app = TestApps.app(PREDICTED, cluster.name());
    app.getSpec().getReplicas().setMin(1);
    app.getSpec().getReplicas().setMax(60);
    PredictionSpec p = app.getSpec().getPrediction();
    p.setMode(PredictionSpec.Mode.Enforce);
    p.setQuery("nasa_requests_per_minute");
    p.setTargetPerReplica(10.0);
    p.setHorizon("1h");
    p.setSeasonality(PredictionSpec.Seasonality.Daily);
    return app;
  }
}
