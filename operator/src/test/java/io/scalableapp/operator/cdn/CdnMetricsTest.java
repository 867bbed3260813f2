package io.scalableapp.operator.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdnMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CdnMetrics metrics = new CdnMetrics(registry, List.of("varnish", "cloudflare"));

  private double apps(String provider) {
    return registry.get("scalableapp_cdn_apps").tag("provider", provider).gauge().value();
  }

  @Test
  void everyProvidersSeriesExistsAtZeroBeforeAnything() {
    assertThat(apps("cloudflare")).isZero();
    assertThat(
            registry
                .get("scalableapp_cdn_purges_total")
                .tags("provider", "varnish", "outcome", "failure")
                .counter()
                .count())
        .isZero();
    assertThat(
            registry
                .get("scalableapp_cdn_failures_total")
                .tag("provider", "cloudflare")
                .counter()
                .count())
        .isZero();
  }

  @Test
  void appsAreCountedPerProviderOnceAndLeaveWhenForgotten() {
    metrics.applied("uid-1", "varnish");
    metrics.applied("uid-1", "varnish"); // every reconcile applies again: still one app
    metrics.applied("uid-2", "cloudflare");
    assertThat(apps("varnish")).isEqualTo(1);
    assertThat(apps("cloudflare")).isEqualTo(1);

    metrics.forget("uid-1");

    assertThat(apps("varnish")).isZero();
    assertThat(apps("cloudflare")).isEqualTo(1);
  }

  @Test
  void purgesAndFailuresAreCountedByProvider() {
    metrics.purged("varnish");
    metrics.purged("varnish");
    metrics.purgeFailed("cloudflare");
    metrics.failed("cloudflare");

    assertThat(
            registry
                .get("scalableapp_cdn_purges_total")
                .tags("provider", "varnish", "outcome", "success")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(
            registry
                .get("scalableapp_cdn_purges_total")
                .tags("provider", "cloudflare", "outcome", "failure")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("scalableapp_cdn_failures_total")
                .tag("provider", "cloudflare")
                .counter()
                .count())
        .isEqualTo(1);
  }
}
