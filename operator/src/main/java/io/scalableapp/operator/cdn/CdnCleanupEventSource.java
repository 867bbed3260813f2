package io.scalableapp.operator.cdn;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.cdn.CloudflareSpec;
import io.scalableapp.operator.events.EventRecorder;
import io.scalableapp.operator.prediction.PredictionLeadership;
import io.scalableapp.operator.status.NewestStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes a deleted app's configuration at its provider, then releases {@link CdnFinalizer}. JOSDK
 * hands a deleted primary only to a controller that uses its own finalizer on every app, so this
 * listens to the app's events itself. JOSDK starts event sources on a standby replica too, so only
 * the leader acts: two replicas would both edit the zone's ruleset, and one read-modify-write could
 * undo the other's. A new leader takes over the deletions already pending. Bounded: after {@link
 * CdnSettings#removalAttempts()} failed attempts the finalizer is released anyway and a Warning
 * Event says what was left at the provider, so an unreachable provider never keeps the namespace
 * from being deleted. Taking the finalizer off is retried until the API server takes it.
 */
public final class CdnCleanupEventSource extends AbstractEventSource<CdnOutcome, ScalableApp>
    implements ResourceEventAware<ScalableApp> {
  private static final Logger LOG = LoggerFactory.getLogger(CdnCleanupEventSource.class);
  static final int THREADS = 4;

  /** The longest wait between two attempts, however many failed. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final KubernetesClient client;
  private final PredictionLeadership leadership;
  private final Cache<ScalableApp> apps;
  private final NewestStatus statuses;
  private final EventRecorder events;
  private final CdnRuntime runtime;
  private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService executor;

  public CdnCleanupEventSource(
      EventSourceContext<ScalableApp> context,
      PredictionLeadership leadership,
      NewestStatus statuses,
      EventRecorder events,
      CdnRuntime runtime) {
    super(CdnOutcome.class, "cdn-cleanup");
    this.client = context.getClient();
    this.apps = context.getPrimaryCache();
    this.leadership = leadership;
    this.statuses = statuses;
    this.events = events;
    this.runtime = runtime;
  }

  @Override
  public synchronized void start() {
    // Several threads: every provider call is bounded, yet one app's slow removal must not queue
    // the others'.
    executor =
        Executors.newScheduledThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "cdn-cleanup");
              t.setDaemon(true);
              return t;
            });
    super.start();
    leadership.whenLeading(() -> apps.list().forEach(this::cleanUpIfDeleted));
  }

  @Override
  public synchronized void stop() {
    super.stop();
    if (executor != null) executor.shutdownNow();
  }

  @Override
  public Set<CdnOutcome> getSecondaryResources(ScalableApp primary) {
    return Set.of();
  }

  @Override
  public void onResourceCreated(ScalableApp app) {
    cleanUpIfDeleted(app);
  }

  @Override
  public void onResourceUpdated(ScalableApp app, ScalableApp old) {
    cleanUpIfDeleted(app);
  }

  /**
   * Gone from the API server (by this operator's cleanup or any other way): nothing kept for it
   * stays in memory.
   */
  @Override
  public void onResourceDeleted(ScalableApp app) {
    runtime.forget(app.getMetadata().getUid());
  }

  private void cleanUpIfDeleted(ScalableApp app) {
    if (!app.isMarkedForDeletion()
        || !CdnFinalizer.isOn(app)
        || !isRunning()
        || !leadership.isLeading()) return;
    if (inProgress.add(app.getMetadata().getUid())) {
      ScalableApp newest = statuses.withNewest(app);
      executor.execute(() -> attempt(newest, 1));
    }
  }

  // Package-private for tests, which drive one deletion without an informer.
  void attempt(ScalableApp app, int attempt) {
    String uid = app.getMetadata().getUid();
    var status = app.getStatus() == null ? null : app.getStatus().getCdn();
    List<CloudflareSpec> zones = CloudflareZones.recorded(app);
    String provider =
        status != null && status.getProvider() != null
            ? status.getProvider()
            : zones.isEmpty() ? null : "cloudflare";
    try {
      removeBeforeDeletion(app, provider, zones);
    } catch (RuntimeException e) {
      String reason =
          e instanceof CdnProviderException c
              ? c.reason()
              : e instanceof KubernetesClientException ? "KubernetesApiError" : "UnexpectedError";
      if (attempt >= runtime.settings().removalAttempts()) {
        events.warning(
            app,
            "CdnLeftBehind",
            "Could not remove the app's configuration at "
                + provider
                + " after "
                + attempt
                + " attempts ("
                + reason
                + ": "
                + e.getMessage()
                + "); "
                + "the deletion goes ahead: remove what is left at "
                + provider
                + " by hand ("
                + leftBehind(app, provider)
                + ")");
        release(app, uid, 1);
        return;
      }
      Duration wait = backoff(attempt);
      LOG.warn(
          "cdn {} for {}/{}: removal attempt {} failed ({}: {}); retrying in {}s",
          provider,
          app.getMetadata().getNamespace(),
          app.getMetadata().getName(),
          attempt,
          reason,
          e.getMessage(),
          wait.toSeconds());
      executor.schedule(() -> attempt(app, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    if (provider != null) {
      events.normal(
          app, "CdnRemoved", "Removed the app's configuration at " + provider + " before deletion");
    }
    release(app, uid, 1);
  }

  /**
   * Takes the finalizer off, retrying until it is off or the app is gone, however long the API
   * server refuses: giving up would leave the app (and its namespace) Terminating with nothing left
   * to retry.
   */
  private void release(ScalableApp app, String uid, int attempt) {
    try {
      CdnFinalizer.remove(client, app);
    } catch (RuntimeException e) {
      Duration wait = backoff(attempt);
      LOG.warn(
          "cdn cleanup for {}/{}: removing the finalizer {} failed (attempt {}: {}); retrying in {}s",
          app.getMetadata().getNamespace(),
          app.getMetadata().getName(),
          CdnFinalizer.NAME,
          attempt,
          e.getMessage(),
          wait.toSeconds());
      if (attempt == 1) {
        events.warning(
            app,
            "FinalizerNotRemoved",
            "Could not remove the finalizer "
                + CdnFinalizer.NAME
                + " ("
                + e.getMessage()
                + "); retrying until it is removed");
      }
      executor.schedule(
          () -> release(app, uid, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    runtime.forget(uid);
    inProgress.remove(uid);
  }

  /**
   * The wait after failed attempt {@code attempt}: doubling from the removal backoff, at most
   * MAX_BACKOFF.
   */
  private Duration backoff(int attempt) {
    Duration doubled =
        runtime.settings().removalBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
    return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }

  /**
   * Removes what the deleted app has at {@code provider} (none: nothing), in every zone it may be
   * in. Holding the app's lock: an apply still running for it ends first, and none follows.
   */
  void removeBeforeDeletion(ScalableApp app, String provider, List<CloudflareSpec> zones) {
    runtime.exclusively(
        app.getMetadata().getUid(),
        () -> {
          runtime.beginRemoval(app.getMetadata().getUid());
          removeAtProvider(app, provider, zones);
          return null;
        });
  }

  private void removeAtProvider(ScalableApp app, String provider, List<CloudflareSpec> zones) {
    if (provider == null) {
      return;
    }
    CdnProvider p =
        runtime
            .provider(provider)
            .orElseThrow(
                () ->
                    new CdnProviderException(
                        "ProviderNotAvailable",
                        "this operator build has no " + provider + " provider"));
    // Every zone the app's rules may be in: status.cdn's, and those recorded before each apply.
    for (Optional<CloudflareSpec> zone :
        zones.isEmpty()
            ? List.of(Optional.<CloudflareSpec>empty())
            : zones.stream().map(Optional::of).toList()) {
      if (zone.isPresent()
          && !runtime.settings().cloudflareApiAllowed(zone.get().apiBaseUrlOrDefault())) {
        continue;
      }
      p.remove(CdnTargets.resolve(app, provider, zone, client, runtime, Optional.empty()));
    }
  }

  /** What the operator made at the provider, in words a person can act on; never a credential. */
  private static String leftBehind(ScalableApp app, String provider) {
    List<CloudflareSpec> zones = CloudflareZones.recorded(app);
    if ("cloudflare".equals(provider) && !zones.isEmpty()) {
      return "the cache rules whose ref starts with scalableapp:"
          + app.getMetadata().getNamespace()
          + "/"
          + app.getMetadata().getName()
          + ": in zone "
          + String.join(", ", zones.stream().map(CloudflareSpec::getZoneId).distinct().toList());
    }
    var status = app.getStatus() == null ? null : app.getStatus().getCdn();
    return "configuration version " + (status == null ? "unknown" : status.getAppliedVersion());
  }
}
