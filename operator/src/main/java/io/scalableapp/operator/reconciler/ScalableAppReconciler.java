package io.scalableapp.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.dependent.AutoscalingEnabled;
import io.scalableapp.operator.dependent.DeploymentDependent;
import io.scalableapp.operator.dependent.HorizontalPodAutoscalerDependent;
import io.scalableapp.operator.dependent.ServiceDependent;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.scalableapp.operator.prediction.PredictionEventSource;
import io.scalableapp.operator.prediction.PredictionLeadership;
import io.scalableapp.operator.prediction.PredictionOutcome;
import io.scalableapp.operator.prediction.PredictionService;
import io.scalableapp.operator.runtime.EventRecorder;
import io.scalableapp.operator.cdn.CdnCleanupEventSource;
import io.scalableapp.operator.cdn.CdnOutcome;
import io.scalableapp.operator.cdn.CdnRuntime;
import io.scalableapp.operator.cdn.cloudflare.CloudflareCdnDependent;
import io.scalableapp.operator.cdn.varnish.EdgeConfigMapDependent;
import io.scalableapp.operator.cdn.varnish.EdgeDeploymentDependent;
import io.scalableapp.operator.cdn.varnish.EdgeHorizontalPodAutoscalerDependent;
import io.scalableapp.operator.cdn.varnish.EdgeServiceDependent;
import io.scalableapp.operator.cdn.varnish.VarnishCdnDependent;
import io.scalableapp.operator.cdn.varnish.VarnishEdgeEnabled;
import io.scalableapp.operator.cdn.varnish.VarnishProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The children are kept by the workflow; this class only turns what the workflow left behind
 * into the app's status.
 */
@Workflow(dependents = {
    @Dependent(name = ScalableAppReconciler.DEPLOYMENT, type = DeploymentDependent.class),
    @Dependent(name = ScalableAppReconciler.SERVICE, type = ServiceDependent.class),
    @Dependent(name = ScalableAppReconciler.HPA, type = HorizontalPodAutoscalerDependent.class,
        reconcilePrecondition = AutoscalingEnabled.class, dependsOn = ScalableAppReconciler.DEPLOYMENT),
    // spec.cdn with provider varnish: the edge tier in front of the app's Service.
    @Dependent(name = ScalableAppReconciler.EDGE_CONFIGMAP, type = EdgeConfigMapDependent.class,
        reconcilePrecondition = VarnishEdgeEnabled.class),
    @Dependent(name = ScalableAppReconciler.EDGE_SERVICE, type = EdgeServiceDependent.class,
        reconcilePrecondition = VarnishEdgeEnabled.class),
    @Dependent(name = ScalableAppReconciler.EDGE_DEPLOYMENT, type = EdgeDeploymentDependent.class,
        reconcilePrecondition = VarnishEdgeEnabled.class,
        dependsOn = {ScalableAppReconciler.EDGE_CONFIGMAP, ScalableAppReconciler.SERVICE}),
    @Dependent(name = ScalableAppReconciler.EDGE_HPA, type = EdgeHorizontalPodAutoscalerDependent.class,
        reconcilePrecondition = VarnishEdgeEnabled.class, dependsOn = ScalableAppReconciler.EDGE_DEPLOYMENT),
    // One external dependent per CDN provider; a new provider is a new pair of lines here.
    @Dependent(name = VarnishProvider.NAME, type = VarnishCdnDependent.class,
        reconcilePrecondition = VarnishCdnDependent.Active.class),
    @Dependent(name = CloudflareCdnDependent.NAME, type = CloudflareCdnDependent.class,
        reconcilePrecondition = CloudflareCdnDependent.Active.class)
})
@ControllerConfiguration(name = "scalableapp", fieldManager = ScalableAppReconciler.FIELD_MANAGER,
    generationAwareEventProcessing = false,
    // Without comparable resource versions JOSDK keeps no temporary copy of our own status writes: with one, a spec
    // change landing just before a status write was taken for an older event and dropped (JOSDK 5.3.2). Our own
    // status writes then arrive as events, and ScalableAppChanged lets them pass by.
    informer = @Informer(onUpdateFilter = ScalableAppChanged.class, comparableResourceVersions = false))
public class ScalableAppReconciler implements Reconciler<ScalableApp> {
  public static final String FIELD_MANAGER = "scalableapp-operator";
  public static final String DEPLOYMENT = "deployment";
  public static final String SERVICE = "service";
  static final String HPA = "horizontalpodautoscaler";
  static final String EDGE_CONFIGMAP = "edge-configmap";
  static final String EDGE_SERVICE = "edge-service";
  static final String EDGE_DEPLOYMENT = "edge-deployment";
  static final String EDGE_HPA = "edge-horizontalpodautoscaler";
  /** The CDN dependents, by provider name. */
  static final List<String> CDN_PROVIDERS = List.of(VarnishProvider.NAME, CloudflareCdnDependent.NAME);

  private final Clock clock;
  private final PredictionService prediction;
  private final PredictionLeadership leadership;
  private final EventRecorder events;
  /** Held here: the dependents find it by client, weakly, so it lives as long as this reconciler. */
  private final CdnRuntime cdn;

  public ScalableAppReconciler(Clock clock, PredictionService prediction, PredictionLeadership leadership,
      EventRecorder events, CdnRuntime cdn) {
    this.clock = clock;
    this.prediction = prediction;
    this.leadership = leadership;
    this.events = events;
    this.cdn = cdn;
  }

  @Override
  public List<EventSource<?, ScalableApp>> prepareEventSources(EventSourceContext<ScalableApp> context) {
    return List.of(new PredictionEventSource(context, prediction, leadership),
        new CdnCleanupEventSource(context, leadership));
  }

  @Override
  public UpdateControl<ScalableApp> reconcile(ScalableApp app, Context<ScalableApp> context) {
    Instant now = clock.instant();
    ScalableAppStatus status = StatusAggregator.aggregate(app, context.getSecondaryResource(Deployment.class, DEPLOYMENT),
        Optional.empty(), now);
    PredictionReporter.report(app, context.getSecondaryResource(PredictionOutcome.class), status,
        events, now);
    PauseReporter.report(app, context.getSecondaryResource(Deployment.class, DEPLOYMENT), status, events, now);
    List<CdnOutcome> cdnOutcomes = CDN_PROVIDERS.stream().flatMap(p -> context
        .managedWorkflowAndDependentResourceContext().get(CdnOutcome.key(p), CdnOutcome.class).stream()).toList();
    Optional<Duration> cdnRecheck = CdnReporter.report(app, cdnOutcomes, status, cdn.settings().resync(), now);
    UpdateControl<ScalableApp> control = patchIfChanged(app, status);
    cdnRecheck.ifPresent(control::rescheduleAfter);
    return control;
  }

  @Override
  public ErrorStatusUpdateControl<ScalableApp> updateErrorStatus(ScalableApp app, Context<ScalableApp> context,
      Exception e) {
    ScalableAppStatus status = StatusAggregator.aggregate(app, context.getSecondaryResource(Deployment.class, DEPLOYMENT),
        Optional.of(e), clock.instant());
    // The Event reaches `kubectl describe` even when the status write below is refused too; JOSDK retries.
    events.warning(app, "ReconcileFailed",
        StatusAggregator.describe(e) + "; retrying with backoff");
    if (app.getStatus() != null) {
      status.setPrediction(app.getStatus().getPrediction());
      status.setCdn(app.getStatus().getCdn());
    }
    return ErrorStatusUpdateControl.patchStatus(statusPatch(app, status));
  }

  /** Skipping identical status patches keeps the API server and watchers quiet. */
  private static UpdateControl<ScalableApp> patchIfChanged(ScalableApp app, ScalableAppStatus status) {
    if (status.equals(app.getStatus())) {
      return UpdateControl.noUpdate();
    }
    return UpdateControl.patchStatus(statusPatch(app, status));
  }

  /** A fresh object with just identity and status, so the server-side apply claims only the status. */
  private static ScalableApp statusPatch(ScalableApp app, ScalableAppStatus status) {
    ScalableApp patch = new ScalableApp();
    patch.setMetadata(new ObjectMetaBuilder()
        .withName(app.getMetadata().getName())
        .withNamespace(app.getMetadata().getNamespace())
        .build());
    patch.setStatus(status);
    return patch;
  }
}
