package io.scalableapp.operator.cdn;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.api.cdn.CdnStatus;
import io.scalableapp.operator.api.cdn.CloudflareSpec;
import io.scalableapp.operator.api.cdn.PurgeRecord;
import io.scalableapp.operator.cdn.varnish.EdgeConfigMapDependent;
import io.scalableapp.operator.dependent.DeploymentDependent;
import io.scalableapp.operator.dependent.Rollout;
import io.scalableapp.operator.events.EventRecorder;
import io.scalableapp.operator.status.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider as an external dependent resource of the workflow: applies spec.cdn at the provider,
 * purges once per rollout, and removes what it made once spec.cdn no longer names it. The
 * provider-specific work is the {@link CdnProvider}'s; a provider is wired in by a subclass naming
 * it and a reconcile precondition ({@link CdnProviderActive}). The outcome goes to the reconciler
 * through the workflow context.
 */
public abstract class CdnDependent implements DependentResource<CdnOutcome, ScalableApp> {
  /**
   * The Deployment controller's revision of the app's current pod template; a rollout raises it by
   * one or more.
   */
  static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

  private static final Duration MAX_RETRY = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(CdnDependent.class);
  private final String providerName;
  private final EventRecorder events;
  private final CdnRuntime runtime;

  protected CdnDependent(String providerName, EventRecorder events, CdnRuntime runtime) {
    this.providerName = providerName;
    this.events = events;
    this.runtime = runtime;
  }

  /**
   * The workflow finds the node by this name: the @Dependent's name in the reconciler is the
   * provider's.
   */
  @Override
  public String name() {
    return providerName;
  }

  @Override
  public Class<CdnOutcome> resourceType() {
    return CdnOutcome.class;
  }

  @Override
  public Optional<CdnOutcome> getSecondaryResource(ScalableApp app, Context<ScalableApp> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .get(CdnOutcome.key(providerName), CdnOutcome.class);
  }

  @Override
  public ReconcileResult<CdnOutcome> reconcile(ScalableApp app, Context<ScalableApp> context) {
    CdnOutcome outcome = outcome(app, context);
    context.managedWorkflowAndDependentResourceContext().put(CdnOutcome.key(providerName), outcome);
    return ReconcileResult.noOperation(outcome);
  }

  private CdnOutcome outcome(ScalableApp app, Context<ScalableApp> context) {
    String uid = app.getMetadata().getUid();
    CdnStatus previous =
        app.getStatus() == null || app.getStatus().getCdn() == null
            ? new CdnStatus()
            : app.getStatus().getCdn();
    CdnStatus next = copy(previous);
    next.setProvider(providerName);
    Optional<CdnProvider> provider = runtime.provider(providerName);
    if (provider.isEmpty()) {
      return CdnOutcome.refused(
          providerName,
          next,
          "ProviderNotAvailable",
          "this operator build has no " + providerName + " provider");
    }
    CdnSpec spec = app.getSpec().getCdn();
    boolean wanted = spec != null && spec.getProvider().name().equals(providerName);
    Optional<Instant> held = runtime.heldUntil(uid);
    if (held.isPresent()) {
      // Another event arrived before the provider's Retry-After: keep the failure, call no sooner
      // than asked.
      Optional<Condition> condition =
          app.getStatus() == null
              ? Optional.empty()
              : Conditions.find(app.getStatus().getConditions(), Conditions.CDN_READY);
      return CdnOutcome.failed(
          providerName,
          next,
          condition.map(Condition::getReason).orElse("RateLimited"),
          condition.map(Condition::getMessage).orElse("waiting for the provider's Retry-After"),
          Duration.between(runtime.clock().instant(), held.get()));
    }
    try {
      return runtime.exclusively(
          uid,
          () ->
              runtime.removalBegun(uid)
                  ? CdnOutcome.refused(
                      providerName,
                      next,
                      "AppDeleting",
                      "the app is being deleted; its configuration at "
                          + providerName
                          + " is being removed")
                  : applyOrRemove(app, context, provider.get(), spec, wanted, previous, next));
    } catch (CdnProviderException e) {
      return failed(app, uid, spec, wanted, next, e);
    } catch (KubernetesClientException e) {
      // Reading or writing the app's own objects (edge endpoints, finalizer, zone record) failed:
      // the same path as a provider failure, so status.cdn stays, an Event says why, and the retry
      // comes by itself.
      return failed(
          app,
          uid,
          spec,
          wanted,
          next,
          new CdnProviderException(
              "KubernetesApiError", "the Kubernetes API failed: " + e.getMessage()));
    }
  }

  private CdnOutcome failed(
      ScalableApp app,
      String uid,
      CdnSpec spec,
      boolean wanted,
      CdnStatus next,
      CdnProviderException e) {
    runtime.metrics().failed(providerName);
    if ("AuthenticationFailed".equals(e.reason()) && spec != null && spec.getCloudflare() != null) {
      var ref = spec.getCloudflare().getCredentialsSecretRef();
      runtime.credentials().forget(app.getMetadata().getNamespace(), ref.getName(), ref.getKey());
    }
    if ("PurgeFailed".equals(e.reason())) {
      // An edge refusing the BAN may hold another token: its Secret is applied again first.
      runtime.forgetPurgeSecret(uid);
    }
    int failures = runtime.failed(uid);
    Duration backoff = e.retryAfter().orElse(backoff(failures));
    e.retryAfter().ifPresent(wait -> runtime.holdUntil(uid, runtime.clock().instant().plus(wait)));
    events.warning(
        app,
        "CdnFailed",
        providerName + ": " + e.getMessage() + "; retrying in " + backoff.toSeconds() + "s");
    return CdnOutcome.failed(
        providerName,
        next,
        e.reason(),
        e.getMessage() + (wanted ? "" : " (removing the app's configuration; retrying)"),
        backoff);
  }

  /**
   * Applies spec.cdn at the provider, or removes what it made once spec.cdn no longer names it.
   * Called holding the app's lock (see {@link CdnRuntime#exclusively}).
   */
  private CdnOutcome applyOrRemove(
      ScalableApp app,
      Context<ScalableApp> context,
      CdnProvider provider,
      CdnSpec spec,
      boolean wanted,
      CdnStatus previous,
      CdnStatus next) {
    String uid = app.getMetadata().getUid();
    KubernetesClient client = context.getClient();
    if (!wanted) {
      removeEverywhere(app, provider, previous, client);
      runtime.forget(uid);
      if (spec == null) {
        CdnFinalizer.remove(client, app);
      }
      events.normal(
          app,
          "CdnRemoved",
          "Removed the app's configuration at " + providerName + ": spec.cdn no longer names it");
      return CdnOutcome.removed(providerName);
    }
    CdnPolicy policy = CdnPolicies.from(spec);
    var unsupported = provider.unsupported(policy);
    if (!unsupported.isEmpty()) {
      return CdnOutcome.refused(
          providerName,
          next,
          "UnsupportedByProvider",
          unsupported.stream()
                  .map(u -> u.field() + ": " + u.message())
                  .collect(Collectors.joining("; "))
              + " (nothing was applied; change spec.cdn or the provider)");
    }
    // Before anything exists at the provider, so deleting the app always finds and removes it.
    CdnFinalizer.add(client, app);
    CdnTarget target =
        CdnTargets.resolve(
            app,
            providerName,
            Optional.ofNullable(spec.getCloudflare()),
            client,
            runtime,
            context.getSecondaryResource(ConfigMap.class, EdgeConfigMapDependent.NAME));
    LOG.debug("cdn {} for {}: applying to {}", providerName, target.app(), target);
    List<CloudflareSpec> zones = recordZoneBeforeApplying(app, spec, client);
    AppliedCdn applied = provider.apply(target, policy);
    removeFromZonesNoLongerNamed(app, provider, spec, zones, client);
    if (!applied.version().equals(previous.getAppliedVersion())) {
      LOG.info("cdn {} for {}: {}", providerName, target.app(), applied.description());
    }
    next.setAppliedVersion(applied.version());
    next.setCloudflare(spec.getCloudflare() == null ? null : spec.getCloudflare().copy());
    purgeAfterRollout(app, context, provider, target, policy, next);
    runtime.succeeded(uid);
    runtime.metrics().applied(uid, providerName);
    return CdnOutcome.ready(providerName, next, applied.description());
  }

  /**
   * Purges once per rollout, when the new pods are all ready. The revision purged for is kept in
   * status.cdn: not again on a later reconcile, nor after an operator restart, nor by a new leader.
   * The first revision seen is only recorded: there is no older version cached to purge.
   */
  private void purgeAfterRollout(
      ScalableApp app,
      Context<ScalableApp> context,
      CdnProvider provider,
      CdnTarget target,
      CdnPolicy policy,
      CdnStatus next) {
    // next holds the newest status.cdn (StatusRecorder), so a rollout purged for is never purged
    // again.
    Optional<PurgedRollout> known = PurgedRollout.fromStatus(next);
    Optional<Deployment> deployment =
        context.getSecondaryResource(Deployment.class, DeploymentDependent.NAME);
    Optional<Long> revision =
        deployment
            .map(d -> d.getMetadata().getAnnotations())
            .map(a -> a.get(REVISION_ANNOTATION))
            .flatMap(PurgedRollout::number);
    if (revision.isEmpty() || !Rollout.complete(app, deployment.get())) {
      return;
    }
    if (known.isPresent() && known.get().revision() >= revision.get()) {
      return;
    }
    PurgeRecord lastPurge = next.getLastPurge();
    if (known.isPresent() && policy.purge().onRollout()) {
      String reason = "rollout to revision " + revision.get();
      PurgeResult result;
      try {
        result = provider.purge(target, PurgeRequest.of(policy, reason));
      } catch (CdnProviderException | KubernetesClientException e) {
        runtime.metrics().purgeFailed(providerName);
        throw e;
      }
      runtime.metrics().purged(providerName);
      Instant now = runtime.clock().instant().truncatedTo(ChronoUnit.SECONDS);
      lastPurge = new PurgeRecord(DateTimeFormatter.ISO_INSTANT.format(now), reason, result.id());
      events.normal(
          app,
          "CdnPurged",
          "Purged " + providerName + " after the " + reason + ": " + result.description());
    }
    new PurgedRollout(revision.get(), lastPurge).writeTo(next);
  }

  /**
   * The zone spec.cdn names, added to {@link CloudflareZones} before anything is written there;
   * returns the zones recorded, the named one included. Nothing for a provider other than
   * Cloudflare.
   */
  private List<CloudflareSpec> recordZoneBeforeApplying(
      ScalableApp app, CdnSpec spec, KubernetesClient client) {
    if (!providerName.equals("cloudflare") || spec.getCloudflare() == null) {
      return List.of();
    }
    List<CloudflareSpec> zones = new ArrayList<>(CloudflareZones.recorded(app));
    if (zones.stream().noneMatch(z -> z.equals(spec.getCloudflare()))) {
      zones.add(spec.getCloudflare());
      CloudflareZones.record(client, app, zones);
    }
    return zones;
  }

  /** After an apply to the zone spec.cdn names: the app's rules leave the zones it named before. */
  private void removeFromZonesNoLongerNamed(
      ScalableApp app,
      CdnProvider provider,
      CdnSpec spec,
      List<CloudflareSpec> zones,
      KubernetesClient client) {
    if (zones.size() <= 1) {
      return;
    }
    for (CloudflareSpec zone : zones) {
      if (!CloudflareZones.sameZone(zone, spec.getCloudflare())) {
        removeFrom(app, provider, zone, client);
        events.normal(
            app,
            "CdnRemoved",
            "Removed the app's rules from Cloudflare zone "
                + zone.getZoneId()
                + ", which spec.cdn no longer names");
      }
    }
    CloudflareZones.record(client, app, List.of(spec.getCloudflare()));
  }

  /** spec.cdn no longer names this provider: what it made goes, in every zone recorded. */
  private void removeEverywhere(
      ScalableApp app, CdnProvider provider, CdnStatus previous, KubernetesClient client) {
    List<CloudflareSpec> zones = CloudflareZones.recorded(app);
    if (zones.isEmpty()) {
      provider.remove(
          CdnTargets.resolve(
              app,
              providerName,
              Optional.ofNullable(previous.getCloudflare()),
              client,
              runtime,
              Optional.empty()));
      return;
    }
    for (CloudflareSpec zone : zones) {
      removeFrom(app, provider, zone, client);
    }
    CloudflareZones.record(client, app, List.of());
  }

  /**
   * Removes the app's rules from {@code zone}; an API the operator may not call was never written
   * to.
   */
  private void removeFrom(
      ScalableApp app, CdnProvider provider, CloudflareSpec zone, KubernetesClient client) {
    if (!runtime.settings().cloudflareApiAllowed(zone.apiBaseUrlOrDefault())) {
      return;
    }
    provider.remove(
        CdnTargets.resolve(
            app, providerName, Optional.of(zone), client, runtime, Optional.empty()));
  }

  /** 1 s, doubling per consecutive failure, at most 5 minutes. */
  static Duration backoff(int failures) {
    long seconds = 1L << Math.min(Math.max(failures - 1, 0), 9);
    Duration d = Duration.ofSeconds(seconds);
    return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
  }

  private static CdnStatus copy(CdnStatus s) {
    CdnStatus c = new CdnStatus();
    c.setProvider(s.getProvider());
    c.setAppliedVersion(s.getAppliedVersion());
    c.setPurgedRevision(s.getPurgedRevision());
    c.setLastPurge(s.getLastPurge());
    c.setCloudflare(s.getCloudflare());
    return c;
  }
}
