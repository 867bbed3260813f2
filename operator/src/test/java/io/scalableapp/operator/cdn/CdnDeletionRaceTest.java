package io.scalableapp.operator.cdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.cdn.varnish.VarnishCdnDependent;
import io.scalableapp.operator.events.RecordedEvents;
import io.scalableapp.operator.prediction.PredictionLeadership;
import io.scalableapp.operator.reconciler.StatusRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
  private final RecordingProvider provider = new RecordingProvider();
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
    ScalableApp app = varnishApp();
    provider.holdApplies();
    Thread reconciliation =
        new Thread(() -> dependent.reconcile(app, DependentContexts.withoutCluster(app)));
    reconciliation.start();
    assertThat(provider.applying.await(10, TimeUnit.SECONDS)).isTrue();

    Thread removal = new Thread(() -> cleanup.removeBeforeDeletion(app, "varnish", List.of()));
    removal.start();
    // Waiting for the app's lock, or (the defect) already past it.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                removal.getState() == Thread.State.TIMED_WAITING
                    || removal.getState() == Thread.State.TERMINATED);
    provider.releaseApplies();
    reconciliation.join(10_000);
    removal.join(10_000);

    assertThat(provider.calls).containsExactly("apply", "remove");
  }

  @Test
  void aReconciliationHoldingAReadFromBeforeTheDeletionAppliesNothingAfterTheRemoval() {
    ScalableApp readBeforeDeletion = varnishApp();
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
    cleanup.removeBeforeDeletion(varnishApp(), "varnish", List.of());
    ScalableApp other = varnishApp();
    other.getMetadata().setName("other");
    other.getMetadata().setUid("uid-other");

    dependent.reconcile(other, DependentContexts.withoutCluster(other));

    assertThat(provider.calls).containsExactly("remove", "apply");
  }

  /** Finalizer on already: the dependent never needs the API server to add it. */
  private static ScalableApp varnishApp() {
    ScalableApp app = TestApps.app("shop", "team");
    app.getMetadata().setUid("uid-shop");
    app.getMetadata().setFinalizers(List.of(CdnFinalizer.NAME));
    CdnSpec cdn = new CdnSpec();
    cdn.setProvider(CdnSpec.Provider.varnish);
    app.getSpec().setCdn(cdn);
    return app;
  }

  /** A provider named varnish that records its calls and can hold an apply midway. */
  private static final class RecordingProvider implements CdnProvider {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch applying = new CountDownLatch(1);
    private CountDownLatch release = new CountDownLatch(0);

    void holdApplies() {
      release = new CountDownLatch(1);
    }

    void releaseApplies() {
      release.countDown();
    }

    @Override
    public String name() {
      return "varnish";
    }

    @Override
    public List<Unsupported> unsupported(CdnPolicy policy) {
      return List.of();
    }

    @Override
    public Optional<AppliedCdn> observe(CdnTarget target) {
      return Optional.empty();
    }

    @Override
    public AppliedCdn apply(CdnTarget target, CdnPolicy policy) {
      applying.countDown();
      try {
        assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      calls.add("apply");
      return new AppliedCdn("v1", "applied");
    }

    @Override
    public PurgeResult purge(CdnTarget target, PurgeRequest request) {
      throw new UnsupportedOperationException("no purge in these tests");
    }

    @Override
    public void remove(CdnTarget target) {
      calls.add("remove");
    }
  }
}
