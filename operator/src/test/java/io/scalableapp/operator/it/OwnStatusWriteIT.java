package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static io.scalableapp.operator.it.AppAssertions.observed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.cdn.CdnSettings;
import io.scalableapp.operator.dependent.Pause;
import io.scalableapp.operator.prediction.PredictionService;
import io.scalableapp.operator.prediction.PredictionSettings;
import io.scalableapp.operator.runtime.LeaderElectionSettings;
import io.scalableapp.operator.runtime.OperatorFactory;
import io.scalableapp.operator.runtime.ReconcilerThreads;
import io.scalableapp.operator.runtime.WatchScope;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16, item 8, JOSDK's ExternalUpdateDuringOwnUpdate scenario on the real API server: a user
 * changes the spec while the operator's own status write is in flight. The change must be
 * reconciled, and the reconciliation it starts, handed a snapshot older than our write, must
 * neither take the written status back nor repeat its transition Event.
 */
class OwnStatusWriteIT {
  private static final String APP = "held";

  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("ownstatus");

  @Test
  void aSpecChangeDuringOurOwnStatusWriteIsReconciledAndNoEventRepeats() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch edited = new CountDownLatch(1);
    AtomicBoolean held = new AtomicBoolean();
    // The operator's own client holds its first status write of the app until the test has changed
    // the spec.
    Interceptor holdFirstStatusWrite =
        new Interceptor() {
          @Override
          public void before(
              BasicBuilder builder, HttpRequest request, Interceptor.RequestTags tags) {
            if ("PATCH".equals(request.method())
                && request.uri().getPath().endsWith("/scalableapps/" + APP + "/status")
                && held.compareAndSet(false, true)) {
              writing.countDown();
              try {
                edited.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        };
    try (KubernetesClient operatorClient =
        new KubernetesClientBuilder()
            .withConfig(cluster.client().getConfiguration())
            .withHttpClientBuilderConsumer(
                b -> b.addOrReplaceInterceptor("hold-first-status-write", holdFirstStatusWrite))
            .build()) {
      var registry = new SimpleMeterRegistry();
      var prediction =
          new PredictionService(
              PredictionSettings.defaults(),
              operatorClient,
              Set.of(cluster.name()),
              registry,
              Clock.systemUTC());
      Operator operator =
          OperatorFactory.create(
              operatorClient,
              registry,
              prediction,
              Clock.systemUTC(),
              WatchScope.of(Set.of(cluster.name())),
              ReconcilerThreads.defaults(),
              LeaderElectionSettings.disabled(),
              CdnSettings.defaults());
      operator.start();
      try {
        ScalableApp app = TestApps.app(APP, cluster.name());
        app.getMetadata().setAnnotations(Map.of(Pause.PAUSED, "true"));
        cluster.client().resource(app).create();
        assertThat(writing.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
            .as("the operator writes the status")
            .isTrue();

        setImage(TestApps.NEW_IMAGE);
        edited.countDown();

        awaitApp(
            cluster.client(), cluster.name(), APP, observed(2).and(hasCondition("Paused", "True")));
        await()
            .atMost(TIMEOUT)
            .until(
                () ->
                    TestApps.NEW_IMAGE.equals(
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
        // One more reconciliation on a fresh snapshot, so a repeat would have had its chance.
        setImage(TestApps.OTHER_IMAGE);
        awaitApp(cluster.client(), cluster.name(), APP, observed(3));
        assertThat(pausedEvents()).as("the pause is announced once").isEqualTo(1);
      } finally {
        operator.stop();
        prediction.close();
      }
    }
  }

  /**
   * As `kubectl patch` does: no resourceVersion, so the operator's own writes meanwhile cannot make
   * it conflict.
   */
  private static void setImage(String image) {
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName(APP)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"image\":\"" + image + "\"}}");
  }

  private long pausedEvents() {
    return AppAssertions.eventCount(cluster.client(), cluster.name(), APP, "Paused", e -> true);
  }
}
