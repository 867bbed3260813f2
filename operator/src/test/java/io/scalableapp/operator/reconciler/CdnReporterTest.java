package io.scalableapp.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.api.cdn.CdnStatus;
import io.scalableapp.operator.cdn.CdnOutcome;
import io.scalableapp.operator.status.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CdnReporterTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final Duration RESYNC = Duration.ofSeconds(30);

  private static ScalableApp app(CdnSpec.Provider provider) {
    ScalableApp app = TestApps.app("shop", "team");
    if (provider != null) {
      CdnSpec cdn = new CdnSpec();
      cdn.setProvider(provider);
      app.getSpec().setCdn(cdn);
    }
    return app;
  }

  private static CdnStatus applied(String provider, String version) {
    CdnStatus status = new CdnStatus();
    status.setProvider(provider);
    status.setAppliedVersion(version);
    return status;
  }

  @Test
  void anAppliedCdnIsReadyAndLookedAtAgainForDrift() {
    ScalableAppStatus status = new ScalableAppStatus();
    var recheck =
        CdnReporter.report(
            app(CdnSpec.Provider.varnish),
            List.of(
                new CdnOutcome(
                    "varnish",
                    Optional.of(applied("varnish", "abc")),
                    true,
                    "Applied",
                    "VCL abc",
                    Optional.empty())),
            status,
            RESYNC,
            NOW);
    assertThat(status.getCdn().getAppliedVersion()).isEqualTo("abc");
    assertThat(Conditions.find(status.getConditions(), Conditions.CDN_READY))
        .hasValueSatisfying(
            c -> {
              assertThat(c.getStatus()).isEqualTo("True");
              assertThat(c.getReason()).isEqualTo("Applied");
            });
    assertThat(recheck).contains(RESYNC);
  }

  @Test
  void aFailureKeepsTheAppliedStatusAndRetriesWhenTheProviderSaid() {
    ScalableAppStatus status = new ScalableAppStatus();
    var recheck =
        CdnReporter.report(
            app(CdnSpec.Provider.cloudflare),
            List.of(
                new CdnOutcome(
                    "cloudflare",
                    Optional.of(applied("cloudflare", "7")),
                    false,
                    "RateLimited",
                    "429",
                    Optional.of(Duration.ofSeconds(4)))),
            status,
            RESYNC,
            NOW);
    assertThat(status.getCdn().getAppliedVersion()).isEqualTo("7");
    assertThat(
            Conditions.find(status.getConditions(), Conditions.CDN_READY).orElseThrow().getReason())
        .isEqualTo("RateLimited");
    assertThat(recheck).contains(Duration.ofSeconds(4));
  }

  @Test
  void aReconciliationWhoseCdnDependentDidNotRunKeepsWhatWasWritten() {
    ScalableApp app = app(CdnSpec.Provider.varnish);
    CdnStatus written = applied("varnish", "abc");
    written.setPurgedRevision("7");
    app.setStatus(new ScalableAppStatus());
    app.getStatus().setCdn(written);
    ScalableAppStatus status = new ScalableAppStatus();
    status.setConditions(
        Conditions.set(
            List.of(), Conditions.CDN_READY, true, "Applied", "VCL abc", 1L, NOW.minusSeconds(60)));

    var recheck = CdnReporter.report(app, List.of(), status, RESYNC, NOW);

    assertThat(status.getCdn()).isEqualTo(written);
    assertThat(status.getCdn().getPurgedRevision())
        .as("the rollout purged for is remembered, so the next one is purged")
        .isEqualTo("7");
    assertThat(Conditions.find(status.getConditions(), Conditions.CDN_READY))
        .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo("Applied"));
    assertThat(recheck).contains(RESYNC);
  }

  @Test
  void theNamedProviderWinsOverOneStillRemovingWhatItMade() {
    ScalableAppStatus status = new ScalableAppStatus();
    CdnReporter.report(
        app(CdnSpec.Provider.cloudflare),
        List.of(
            new CdnOutcome(
                "varnish",
                Optional.of(applied("varnish", "old")),
                false,
                "EdgeNotReady",
                "x",
                Optional.empty()),
            new CdnOutcome(
                "cloudflare",
                Optional.of(applied("cloudflare", "new")),
                true,
                "Applied",
                "y",
                Optional.empty())),
        status,
        RESYNC,
        NOW);
    assertThat(status.getCdn().getProvider()).isEqualTo("cloudflare");
  }

  @Test
  void onceEverythingIsRemovedStatusCdnAndCdnReadyGo() {
    ScalableAppStatus status = new ScalableAppStatus();
    status.setCdn(applied("varnish", "abc"));
    status.setConditions(
        Conditions.set(status.getConditions(), Conditions.CDN_READY, true, "Applied", "m", 1, NOW));
    var recheck =
        CdnReporter.report(
            app(null),
            List.of(
                new CdnOutcome(
                    "varnish", Optional.empty(), true, "Removed", "gone", Optional.empty())),
            status,
            RESYNC,
            NOW);
    assertThat(status.getCdn()).isNull();
    assertThat(Conditions.find(status.getConditions(), Conditions.CDN_READY)).isEmpty();
    assertThat(recheck).isEmpty();
  }
}
