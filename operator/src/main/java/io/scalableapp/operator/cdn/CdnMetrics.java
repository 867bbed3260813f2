package io.scalableapp.operator.cdn;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CDN on the operator's Prometheus endpoint: apps configured per provider, purges and failed
 * provider calls. Labelled by provider only (a handful), and registered for every provider up front
 * so each series exists, at 0, before anything happened.
 */
final class CdnMetrics {
  private final Map<String, String> providerByUid = new ConcurrentHashMap<>();
  private final Map<String, Counter> purges = new ConcurrentHashMap<>();
  private final Map<String, Counter> failedPurges = new ConcurrentHashMap<>();
  private final Map<String, Counter> failures = new ConcurrentHashMap<>();

  CdnMetrics(MeterRegistry registry, Collection<String> providers) {
    for (String provider : providers) {
      Gauge.builder(
              "scalableapp_cdn_apps",
              providerByUid,
              m -> m.values().stream().filter(provider::equals).count())
          .description("Apps whose spec.cdn the provider currently serves, by provider")
          .tag("provider", provider)
          .register(registry);
      purges.put(provider, purgeCounter(registry, provider, "success"));
      failedPurges.put(provider, purgeCounter(registry, provider, "failure"));
      failures.put(
          provider,
          Counter.builder("scalableapp_cdn_failures_total")
              .description(
                  "Failed calls to a CDN provider (apply, purge, remove), by provider; each is retried with "
                      + "backoff and reported in the app's CdnReady condition and a CdnFailed Event")
              .tag("provider", provider)
              .register(registry));
    }
  }

  private static Counter purgeCounter(MeterRegistry registry, String provider, String outcome) {
    return Counter.builder("scalableapp_cdn_purges_total")
        .description(
            "Purges sent to a CDN provider after a rollout, by provider and outcome (success or failure)")
        .tags("provider", provider, "outcome", outcome)
        .register(registry);
  }

  void applied(String uid, String provider) {
    providerByUid.put(uid, provider);
  }

  void purged(String provider) {
    purges.get(provider).increment();
  }

  void purgeFailed(String provider) {
    failedPurges.get(provider).increment();
  }

  void failed(String provider) {
    failures.get(provider).increment();
  }

  void forget(String uid) {
    providerByUid.remove(uid);
  }
}
