package io.scalableapp.operator.cdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.cdn.varnish.EdgePurgeTokens;
import io.scalableapp.operator.events.RecordedEvents;
import io.scalableapp.operator.prediction.PredictionLeadership;
import io.scalableapp.operator.reconciler.StatusRecorder;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The configuration at the provider is gone, but the API server refuses to take the finalizer off:
 * the cleanup keeps trying (it used to give up after one more try, leaving the app Terminating with
 * nothing left to retry), and says so once, without claiming the provider step failed.
 */
class CdnCleanupReleaseTest {
  private final AtomicInteger requests = new AtomicInteger();
  private final FakeVarnish provider = FakeVarnish.obliging();
  private final RecordedEvents events = new RecordedEvents();
  private HttpServer apiServer;
  private KubernetesClient client;
  private CdnCleanupEventSource cleanup;

  @BeforeEach
  void setUp() throws Exception {
    apiServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    apiServer.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    apiServer.start();
    client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder()
                    .withMasterUrl("http://127.0.0.1:" + apiServer.getAddress().getPort())
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build();
    CdnSettings settings =
        new CdnSettings(
            List.of(),
            EdgePurgeTokens.random(),
            List.of(),
            CdnSettings.DEFAULT_CALL_TIMEOUT,
            1,
            Duration.ofMillis(10),
            Duration.ofSeconds(30));
    CdnRuntime runtime =
        new CdnRuntime(settings, Clock.systemUTC(), List.of(provider), new SimpleMeterRegistry());
    cleanup =
        new CdnCleanupEventSource(
            new EventSourceContext<>(null, null, client, ScalableApp.class),
            // Not leading: start() then lists no informer cache; the test drives one deletion.
            PredictionLeadership.electedByLease(),
            new StatusRecorder(client.getKubernetesSerialization()),
            events,
            runtime);
    cleanup.start();
  }

  @AfterEach
  void tearDown() {
    cleanup.stop();
    client.close();
    apiServer.stop(0);
  }

  @Test
  void keepsTryingToRemoveTheFinalizerAfterTheProviderIsClean() {
    ScalableApp deleted = FakeVarnish.app("shop");
    deleted.getMetadata().setDeletionTimestamp("2026-12-08T04:00:00Z");
    cleanup.attempt(deleted, 1);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(requests.get())
                    .as("finalizer removals tried, by requests to the API server")
                    .isGreaterThanOrEqualTo(4));
    assertThat(provider.calls).as("the provider step is not repeated").containsExactly("remove");
    assertThat(events.normals)
        .singleElement()
        .asString()
        .startsWith("CdnRemoved: Removed the app's configuration at varnish");
    assertThat(events.warnings)
        .as("said once, and not as a failure at the provider")
        .singleElement()
        .asString()
        .startsWith("FinalizerNotRemoved: ");
  }
}
