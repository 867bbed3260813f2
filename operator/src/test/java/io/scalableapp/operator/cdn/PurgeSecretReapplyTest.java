package io.scalableapp.operator.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.engine.time.ManualClock;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.cdn.varnish.VarnishCdnDependent;
import io.scalableapp.operator.events.RecordedEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The edge purge Secret is never read back, so it is applied again now and then and after a refused
 * BAN: one deleted or edited by hand comes back without a restart of the operator.
 */
class PurgeSecretReapplyTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-08T04:00:00Z"));
  private final CdnRuntime runtime =
      new CdnRuntime(CdnSettings.defaults(), clock, List.of(), new SimpleMeterRegistry());

  @Test
  void anAppliedSecretIsTrustedForAWhileThenAppliedAgain() {
    runtime.rememberPurgeSecret("uid-web", "abc");
    assertThat(runtime.purgeSecretApplied("uid-web", "abc")).isTrue();
    assertThat(runtime.purgeSecretApplied("uid-web", "new-token")).as("a new token").isFalse();

    clock.advance(CdnRuntime.PURGE_SECRET_REAPPLY.minusSeconds(1));
    assertThat(runtime.purgeSecretApplied("uid-web", "abc")).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(runtime.purgeSecretApplied("uid-web", "abc")).isFalse();
  }

  @Test
  void aRefusedBanHasItAppliedAgainAtOnce() {
    CdnRuntime refusing =
        new CdnRuntime(
            CdnSettings.defaults(),
            clock,
            List.of(
                FakeVarnish.failing(
                    new CdnProviderException("PurgeFailed", "BAN reached 0 of 2 edge pods: 403"))),
            new SimpleMeterRegistry());
    ScalableApp app = FakeVarnish.app("web");
    refusing.rememberPurgeSecret("uid-web", "abc");

    new VarnishCdnDependent(new RecordedEvents(), refusing)
        .reconcile(app, DependentContexts.withoutCluster(app));

    assertThat(refusing.purgeSecretApplied("uid-web", "abc")).isFalse();
  }
}
