package io.scalableapp.operator.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.events.RecordedEvents;
import io.scalableapp.operator.prediction.PredictionLeadership;
import io.scalableapp.operator.reconciler.StatusRecorder;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdnCleanupEventSourceTest {
  @Test
  void anAppGoneFromTheApiServerLeavesNothingInTheRuntime() {
    // Never connects: nothing here calls the API server.
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      CdnRuntime runtime =
          new CdnRuntime(
              CdnSettings.defaults(), Clock.systemUTC(), List.of(), new SimpleMeterRegistry());
      ScalableApp app = TestApps.app("web", "team");
      app.getMetadata().setUid("uid-web");
      runtime.failed("uid-web");
      runtime.holdUntil("uid-web", Clock.systemUTC().instant().plusSeconds(60));
      runtime.rememberPurgeSecret("uid-web", "abc");
      assertThat(runtime.appsRemembered()).isEqualTo(1);

      // Deleted without the operator's cleanup (its finalizer removed by hand, or while another
      // replica led).
      new CdnCleanupEventSource(
              new EventSourceContext<>(null, null, client, ScalableApp.class),
              PredictionLeadership.alwaysLeading(),
              new StatusRecorder(client.getKubernetesSerialization()),
              new RecordedEvents(),
              runtime)
          .onResourceDeleted(app);

      assertThat(runtime.appsRemembered()).isZero();
    }
  }
}
