package io.scalableapp.operator.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.cdn.varnish.VarnishCdnDependent;
import io.scalableapp.operator.events.RecordedEvents;
import java.time.Clock;
import java.util.List;
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
          List.of(FakeVarnish.failing(new KubernetesClientException("endpoints unavailable"))),
          new SimpleMeterRegistry());
  private final VarnishCdnDependent dependent = new VarnishCdnDependent(events, runtime);

  @Test
  void isReportedAndRetriedAndKeepsStatusCdn() {
    ScalableApp app = FakeVarnish.app("shop");
    app.getStatus().getCdn().setPurgedRevision("7");

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
}
