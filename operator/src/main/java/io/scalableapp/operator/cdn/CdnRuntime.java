package io.scalableapp.operator.cdn;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's CDN providers and settings, and what it remembers per app between calls. One per
 * operator, handed to the CDN dependents and the cleanup event source that share it.
 */
public final class CdnRuntime {
  private final Map<String, CdnProvider> providers = new LinkedHashMap<>();
  private final CdnSettings settings;
  private final Clock clock;
  private final Map<String, Integer> failuresByUid = new ConcurrentHashMap<>();
  private final Map<String, Instant> notBeforeByUid = new ConcurrentHashMap<>();
  private final Map<String, String> purgeSecretByUid = new ConcurrentHashMap<>();
  private final CredentialCache credentials;
  private final CdnMetrics metrics;

  public CdnRuntime(
      CdnSettings settings, Clock clock, List<CdnProvider> providers, MeterRegistry registry) {
    this.settings = settings;
    this.clock = clock;
    this.credentials = new CredentialCache(CredentialCache.DEFAULT_MAX_AGE, clock);
    providers.forEach(p -> this.providers.put(p.name(), p));
    this.metrics = new CdnMetrics(registry, this.providers.keySet());
  }

  /**
   * The provider named in spec.cdn.provider; empty when this operator build has none by that name.
   */
  public Optional<CdnProvider> provider(String name) {
    return Optional.ofNullable(providers.get(name));
  }

  public CdnSettings settings() {
    return settings;
  }

  CredentialCache credentials() {
    return credentials;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Consecutive failed provider calls for the app, for the retry backoff; reset by {@link
   * #succeeded}.
   */
  int failed(String uid) {
    return failuresByUid.merge(uid, 1, Integer::sum);
  }

  void succeeded(String uid) {
    failuresByUid.remove(uid);
    notBeforeByUid.remove(uid);
  }

  /** The provider asked us (Retry-After) not to call again for this app before {@code when}. */
  void holdUntil(String uid, Instant when) {
    notBeforeByUid.put(uid, when);
  }

  Optional<Instant> heldUntil(String uid) {
    return Optional.ofNullable(notBeforeByUid.get(uid)).filter(t -> t.isAfter(clock.instant()));
  }

  /**
   * Whether this process has applied the edge purge Secret with the token whose hash is {@code
   * fingerprint}.
   */
  public boolean purgeSecretApplied(String uid, String fingerprint) {
    return fingerprint.equals(purgeSecretByUid.get(uid));
  }

  public void rememberPurgeSecret(String uid, String fingerprint) {
    purgeSecretByUid.put(uid, fingerprint);
  }

  CdnMetrics metrics() {
    return metrics;
  }

  /** Drops everything kept for the app with {@code uid}: it is deleted, or no longer has a CDN. */
  public void forget(String uid) {
    metrics.forget(uid);
    failuresByUid.remove(uid);
    notBeforeByUid.remove(uid);
    purgeSecretByUid.remove(uid);
  }

  /** How many apps this process keeps CDN state for; for tests of the forgetting. */
  int appsRemembered() {
    java.util.Set<String> uids = new java.util.HashSet<>(failuresByUid.keySet());
    uids.addAll(notBeforeByUid.keySet());
    uids.addAll(purgeSecretByUid.keySet());
    return uids.size();
  }
}
