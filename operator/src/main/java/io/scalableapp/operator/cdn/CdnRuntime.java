package io.scalableapp.operator.cdn;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The operator's CDN providers and settings, and what it remembers per app between calls. One per
 * operator, handed to the CDN dependents and the cleanup event source that share it.
 */
public final class CdnRuntime {
  /** How long a deleted app's uid is remembered as removed; uids are never reused. */
  static final Duration REMOVAL_REMEMBERED = Duration.ofHours(1);

  /** How long an applied edge purge Secret is trusted without applying it again. */
  static final Duration PURGE_SECRET_REAPPLY = Duration.ofMinutes(5);

  private static final int APP_LOCK_STRIPES = 256;
  private final Map<String, CdnProvider> providers = new LinkedHashMap<>();
  private final CdnSettings settings;
  private final Clock clock;
  private final Map<String, Integer> failuresByUid = new ConcurrentHashMap<>();
  private final Map<String, Instant> notBeforeByUid = new ConcurrentHashMap<>();
  private final Map<String, AppliedSecret> purgeSecretByUid = new ConcurrentHashMap<>();
  private final CredentialCache credentials;
  private final CdnMetrics metrics;
  private final StripedLocks appLocks;
  private final Map<String, Instant> removalBegunByUid = new ConcurrentHashMap<>();

  public CdnRuntime(
      CdnSettings settings, Clock clock, List<CdnProvider> providers, MeterRegistry registry) {
    this.settings = settings;
    this.clock = clock;
    this.credentials = new CredentialCache(CredentialCache.DEFAULT_MAX_AGE, clock);
    providers.forEach(p -> this.providers.put(p.name(), p));
    this.metrics = new CdnMetrics(registry, this.providers.keySet());
    // An apply is a few provider calls, each bounded by the call timeout.
    Duration appLockWait = settings.callTimeout().multipliedBy(4);
    this.appLocks =
        new StripedLocks(
            APP_LOCK_STRIPES,
            appLockWait,
            uid ->
                new CdnProviderException(
                    "ProviderBusy",
                    "another change to the app's CDN configuration took longer than "
                        + appLockWait.toSeconds()
                        + "s; retrying"));
  }

  /**
   * Runs {@code work} holding the app's lock. The apply of a reconciliation and the removal at
   * deletion take it, so an apply that began from a read of the app taken before its deletion can
   * never put back at the provider what the removal took away.
   */
  <T> T exclusively(String uid, Supplier<T> work) {
    return appLocks.holding(uid, work);
  }

  /**
   * The app is deleted and its removal at the provider begins: from now on nothing is applied for
   * it, whatever read of the app a reconciliation still holds. Call holding {@link #exclusively}.
   */
  void beginRemoval(String uid) {
    Instant now = clock.instant();
    removalBegunByUid.values().removeIf(at -> at.plus(REMOVAL_REMEMBERED).isBefore(now));
    removalBegunByUid.putIfAbsent(uid, now);
  }

  boolean removalBegun(String uid) {
    return removalBegunByUid.containsKey(uid);
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
   * Whether this process applied the edge purge Secret with the token whose hash is {@code
   * fingerprint} less than {@link #PURGE_SECRET_REAPPLY} ago. The Secret is never read back, so
   * applying it again now and then is what brings back one deleted or edited by hand.
   */
  public boolean purgeSecretApplied(String uid, String fingerprint) {
    AppliedSecret applied = purgeSecretByUid.get(uid);
    return applied != null
        && applied.fingerprint().equals(fingerprint)
        && clock.instant().isBefore(applied.at().plus(PURGE_SECRET_REAPPLY));
  }

  public void rememberPurgeSecret(String uid, String fingerprint) {
    purgeSecretByUid.put(uid, new AppliedSecret(fingerprint, clock.instant()));
  }

  /** The next reconciliation applies the app's purge Secret again (a BAN was refused). */
  void forgetPurgeSecret(String uid) {
    purgeSecretByUid.remove(uid);
  }

  private record AppliedSecret(String fingerprint, Instant at) {}

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
