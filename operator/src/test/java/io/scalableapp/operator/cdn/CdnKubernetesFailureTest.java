package io.scalableapp.operator.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.api.cdn.CdnStatus;
import io.scalableapp.operator.cdn.varnish.VarnishCdnDependent;
import io.scalableapp.operator.events.RecordedEvents;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Kubernetes API failure inside the CDN step (listing the edge's endpoints, patching the
 * finalizer) is a CDN failure like a provider's: reported, retried, and status.cdn kept, so the
 * rollout purge it was about to send is not forgotten.
 */
class CdnKubernetesFailureTest {
  private final RecordedEvents events = new RecordedEvents();
  private final CdnRuntime runtime =
      new CdnRuntime(
          CdnSettings.defaults(),
          Clock.systemUTC(),
          List.of(new FailingProvider()),
          new SimpleMeterRegistry());
  private final VarnishCdnDependent dependent = new VarnishCdnDependent(events, runtime);

  @Test
  void isReportedAndRetriedAndKeepsStatusCdn() {
    ScalableApp app = TestApps.app("shop", "team");
    app.getMetadata().setUid("uid-shop");
    app.getMetadata().setFinalizers(List.of(CdnFinalizer.NAME));
    CdnSpec cdn = new CdnSpec();
    cdn.setProvider(CdnSpec.Provider.varnish);
    app.getSpec().setCdn(cdn);
    CdnStatus written = new CdnStatus();
    written.setProvider("varnish");
    written.setPurgedRevision("7");
    app.setStatus(new ScalableAppStatus());
    app.getStatus().setCdn(written);

    CdnOutcome outcome =
        dependent
            .reconcile(app, DependentContexts.withoutCluster(app))
            .getSingleResource()
            .orElseThrow();

    assertThat(outcome.ready()).isFalse();
    assertThat(outcome.reason()).isEqualTo("KubernetesApiError");
    assertThat(outcome.retryAfter()).as("the next attempt is scheduled").isPresent();
    assertThat(outcome.status())
        .hasValueSatisfying(s -> assertThat(s.getPurgedRevision()).isEqualTo("7"));
    assertThat(events.warnings)
        .singleElement()
        .asString()
        .startsWith("CdnFailed: varnish: the Kubernetes API failed: endpoints unavailable");
  }

  /** A varnish provider whose apply meets a failing API server. */
  private static final class FailingProvider implements CdnProvider {
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
      throw new KubernetesClientException("endpoints unavailable");
    }

    @Override
    public PurgeResult purge(CdnTarget target, PurgeRequest request) {
      throw new UnsupportedOperationException("no purge here");
    }

    @Override
    public void remove(CdnTarget target) {}
  }
}
