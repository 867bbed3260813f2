package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static io.scalableapp.operator.it.AppAssertions.observed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kube-apiserver stops for 30 s under a running packaged operator: its readiness reports the
 * outage meanwhile, and afterwards the same process reconnects and converges a change made after
 * the API server returned, without a restart.
 */
class ApiServerOutageIT {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServerOutageIT.class);
  private static final Path OUTAGE_SCRIPT = Path.of("..", "hack", "apiserver-outage.sh");
  private static final int OUTAGE_SECONDS = 30;
  @RegisterExtension static final ClusterNamespace cluster = ClusterNamespace.withPrefix("outage");

  @Test
  void theOperatorReportsTheOutageThenReconnectsAndConvergesWithoutARestart() throws Exception {
    try (OperatorProcess operator =
        OperatorProcess.start(
            "outage-it",
            Map.of(
                "scalableapp.operator.namespaces", cluster.name(),
                "scalableapp.prometheus.url", "http://127.0.0.1:1",
                "scalableapp.leader-election.enabled", "false"))) {
      await().atMost(AppAssertions.TIMEOUT).until(operator::isReady);
      cluster.client().resource(TestApps.app("steady", cluster.name())).create();
      awaitApp(cluster.client(), cluster.name(), "steady", hasCondition("Ready", "True"));

      Process outage =
          new ProcessBuilder(OUTAGE_SCRIPT.toString(), String.valueOf(OUTAGE_SECONDS))
              .redirectErrorStream(true)
              .redirectOutput(Path.of("target", "apiserver-outage.log").toFile())
              .start();
      await()
          .atMost(Duration.ofSeconds(OUTAGE_SECONDS))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !operator.isReady());
      assertThat(outage.waitFor(OUTAGE_SECONDS + 90, TimeUnit.SECONDS)).isTrue();
      assertThat(outage.exitValue())
          .as("the API server came back (target/apiserver-outage.log)")
          .isZero();
      long back = System.nanoTime();

      await()
          .atMost(AppAssertions.TIMEOUT)
          .pollInterval(Duration.ofMillis(500))
          .until(operator::isReady);
      LOG.info(
          "Operator ready again {} ms after the API server returned",
          Duration.ofNanos(System.nanoTime() - back).toMillis());
      cluster
          .client()
          .resources(ScalableApp.class)
          .inNamespace(cluster.name())
          .withName("steady")
          .edit(
              a -> {
                a.getSpec().setImage(TestApps.NEW_IMAGE);
                return a;
              });
      awaitApp(
          cluster.client(),
          cluster.name(),
          "steady",
          observed(2).and(hasCondition("Ready", "True")));
      LOG.info(
          "A change after the outage converged {} ms after the API server returned",
          Duration.ofNanos(System.nanoTime() - back).toMillis());
      assertThat(operator.isAlive()).as("the same process, never restarted").isTrue();
      assertThat(
              cluster
                  .client()
                  .apps()
                  .deployments()
                  .inNamespace(cluster.name())
                  .withName("steady")
                  .get()
                  .getSpec()
                  .getTemplate()
                  .getSpec()
                  .getContainers()
                  .get(0)
                  .getImage())
          .isEqualTo(TestApps.NEW_IMAGE);
    }
  }
}
