package io.scalableapp.operator.cdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.cdn.varnish.VarnishCdnDependent;
import io.scalableapp.operator.events.RecordedEvents;
import io.scalableapp.operator.prediction.PredictionLeadership;
import io.scalableapp.operator.reconciler.StatusRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reconciliation that read the app before its deletion and the removal at deletion run at once:
 * whatever the order, nothing is left at the provider.
 */
class CdnDeletionRaceTest {
  private final CountDownLatch applying = new CountDownLatch(1);
  private volatile CountDownLatch release = new CountDownLatch(0);
  private final FakeVarnish provider =
      new FakeVarnish(
          () -> {
            applying.countDown();
            try {
              assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return new AppliedCdn("v1", "applied");
          });
  private final CdnRuntime runtime =
      new CdnRuntime(
          CdnSettings.defaults(), Clock.systemUTC(), List.of(provider), new SimpleMeterRegistry());
  private final VarnishCdnDependent dependent =
      new VarnishCdnDependent(new RecordedEvents(), runtime);
  // Never connects: nothing here calls the API server.
  private KubernetesClient client;
  private CdnCleanupEventSource cleanup;

  @BeforeEach
  void setUp() {
    client = new KubernetesClientBuilder().build();
    cleanup =
        new CdnCleanupEventSource(
            new EventSourceContext<>(null, null, client, ScalableApp.class),
            PredictionLeadership.alwaysLeading(),
            new StatusRecorder(client.getKubernetesSerialization()),
            new RecordedEvents(),
            runtime);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void anApplyUnderWayWhenTheAppIsDeletedFinishesBeforeTheRemovalStarts() throws Exception {
    ScalableApp app = FakeVarnish.app("shop");
    release = new CountDownLatch(1);
    Thread reconciliation =
        new Thread(() -> dependent.reconcile(app, DependentContexts.withoutCluster(app)));
    reconciliation.start();
    assertThat(applying.await(10, TimeUnit.SECONDS)).isTrue();

    Thread removal = new Thread(() -> cleanup.removeBeforeDeletion(app, "varnish", List.of()));
    removal.start();
    // Waiting for the app's lock, or (the defect) already past it.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                removal.getState() == Thread.State.TIMED_WAITING
                    || removal.getState() == Thread.State.TERMINATED);
    release.countDown();
    reconciliation.join(10_000);
    removal.join(10_000);

    assertThat(provider.calls).containsExactly("apply", "remove");
  }

  @Test
  void aReconciliationHoldingAReadFromBeforeTheDeletionAppliesNothingAfterTheRemoval() {
    ScalableApp readBeforeDeletion = FakeVarnish.app("shop");
    cleanup.removeBeforeDeletion(readBeforeDeletion, "varnish", List.of());

    var result =
        dependent.reconcile(
            readBeforeDeletion, DependentContexts.withoutCluster(readBeforeDeletion));

    assertThat(provider.calls).containsExactly("remove");
    CdnOutcome outcome = result.getSingleResource().orElseThrow();
    assertThat(outcome.ready()).isFalse();
    assertThat(outcome.reason()).isEqualTo("AppDeleting");
  }

  @Test
  void anotherAppsApplyDoesNotWaitForADeletion() {
    cleanup.removeBeforeDeletion(FakeVarnish.app("shop"), "varnish", List.of());
    ScalableApp other = FakeVarnish.app("other");

    dependent.reconcile(other, DependentContexts.withoutCluster(other));

    assertThat(provider.calls).containsExactly("remove", "apply");
  }
}
