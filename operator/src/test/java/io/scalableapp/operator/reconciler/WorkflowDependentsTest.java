package io.scalableapp.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.api.cdn.CloudflareSpec;
import io.scalableapp.operator.api.cdn.SecretKeyRef;
import io.scalableapp.operator.cdn.CdnFinalizer;
import io.scalableapp.operator.cdn.CdnRuntime;
import io.scalableapp.operator.cdn.CdnSettings;
import io.scalableapp.operator.cdn.DependentContexts;
import io.scalableapp.operator.cdn.cloudflare.CloudflareCdnDependent;
import io.scalableapp.operator.cdn.cloudflare.CloudflareProvider;
import io.scalableapp.operator.events.RecordedEvents;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowDependentsTest {
  private static final String REFUSED = "CdnFailed: cloudflare: cdn.cloudflare.apiBaseUrl";

  @Test
  void buildsEveryDependentOfTheWorkflow() {
    WorkflowDependents dependents = new WorkflowDependents(new RecordedEvents(), runtime());

    for (Dependent d : ScalableAppReconciler.class.getAnnotation(Workflow.class).dependents()) {
      assertThat(dependents.create(d.type())).isExactlyInstanceOf(d.type());
    }
  }

  /** Two operators in one JVM, as in the tests: each one's dependents work through its own. */
  @Test
  void eachOperatorsDependentsRecordThroughItsOwnRecorderAndRuntime() {
    RecordedEvents eventsA = new RecordedEvents();
    RecordedEvents eventsB = new RecordedEvents();
    WorkflowDependents operatorA = new WorkflowDependents(eventsA, runtime());
    WorkflowDependents operatorB = new WorkflowDependents(eventsB, runtime());
    ScalableApp app = appAtAForbiddenCloudflareApi();

    reconcileCdn(operatorA, app);
    reconcileCdn(operatorA, app);
    reconcileCdn(operatorB, app);

    // The backoff counts the failures its runtime has seen: A's two, B's one.
    assertThat(eventsA.warnings)
        .satisfiesExactly(
            w -> assertThat(w).startsWith(REFUSED).endsWith("retrying in 1s"),
            w -> assertThat(w).startsWith(REFUSED).endsWith("retrying in 2s"));
    assertThat(eventsB.warnings)
        .satisfiesExactly(w -> assertThat(w).startsWith(REFUSED).endsWith("retrying in 1s"));
  }

  private static CdnRuntime runtime() {
    return new CdnRuntime(
        CdnSettings.defaults(),
        Clock.systemUTC(),
        List.of(new CloudflareProvider(CdnSettings.DEFAULT_CALL_TIMEOUT)),
        new SimpleMeterRegistry());
  }

  /**
   * Refused before any call to the API server or Cloudflare: the finalizer is on already, and the
   * API base URL is not one the operator may call.
   */
  private static ScalableApp appAtAForbiddenCloudflareApi() {
    ScalableApp app = TestApps.app("web", "team");
    app.getMetadata().setUid("uid-web");
    app.getMetadata().setFinalizers(List.of(CdnFinalizer.NAME));
    CloudflareSpec cloudflare = new CloudflareSpec();
    cloudflare.setZoneId("zone");
    cloudflare.setCredentialsSecretRef(new SecretKeyRef("cloudflare", "apiToken"));
    cloudflare.setApiBaseUrl("https://cloudflare.invalid/client/v4");
    CdnSpec cdn = new CdnSpec();
    cdn.setProvider(CdnSpec.Provider.cloudflare);
    cdn.setHosts(List.of("web.example.com"));
    cdn.setCloudflare(cloudflare);
    app.getSpec().setCdn(cdn);
    return app;
  }

  private static void reconcileCdn(WorkflowDependents dependents, ScalableApp app) {
    dependents
        .create(CloudflareCdnDependent.class)
        .reconcile(app, DependentContexts.withoutCluster(app));
  }
}
