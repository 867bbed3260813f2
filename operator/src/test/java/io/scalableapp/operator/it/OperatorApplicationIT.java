package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.status.Conditions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Quarkus application as deployed: the operator starts with it, probes and metrics answer. It
 * watches only {@link #NAMESPACE} (test application.properties), so it leaves the other tests'
 * namespaces to the operators those tests start.
 */
@QuarkusTest
@WithTestResource(GeneratedCrd.class)
class OperatorApplicationIT {
  static final String NAMESPACE = "quarkus-app-it";
  @RegisterExtension static final ClusterNamespace cluster = ClusterNamespace.named(NAMESPACE);
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void reconcilesAndReportsHealthAndMetrics() throws Exception {
    cluster.client().resource(TestApps.app("served", cluster.name())).create();
    awaitApp(cluster.client(), cluster.name(), "served", hasCondition(Conditions.READY, "True"));

    HttpResponse<String> ready = get("/q/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"operator\"").contains("UP");
    assertThat(get("/q/health/live").statusCode()).isEqualTo(200);

    String metrics = get("/metrics").body();
    assertThat(metrics).contains("scalableapp_reconciliations_started_total{kind=\"ScalableApp\"}");
    assertThat(metrics).contains("scalableapp_reconciliation_duration_seconds_count");
    // Every family of ours explains itself to whoever reads /metrics or a Prometheus UI.
    List<String> families =
        metrics
            .lines()
            .filter(l -> l.startsWith("# TYPE scalableapp_"))
            .map(l -> l.split(" ")[2])
            .toList();
    assertThat(families).contains("scalableapp_reconciliations_started");
    assertThat(families)
        .allSatisfy(
            family ->
                assertThat(metrics)
                    .as("HELP of %s", family)
                    .containsPattern("(?m)^# HELP " + Pattern.quote(family) + " \\S"));
  }
}
