package io.scalableapp.operator.reconciler;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ContextInitializer;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.cdn.CdnCleanupEventSource;
import io.scalableapp.operator.cdn.CdnOutcome;
import io.scalableapp.operator.cdn.CdnRuntime;
import io.scalableapp.operator.cdn.cloudflare.CloudflareCdnDependent;
import io.scalableapp.operator.cdn.varnish.EdgeConfigMapDependent;
import io.scalableapp.operator.cdn.varnish.EdgeDeploymentDependent;
import io.scalableapp.operator.cdn.varnish.EdgeHorizontalPodAutoscalerDependent;
import io.scalableapp.operator.cdn.varnish.EdgePurgeSecretDependent;
import io.scalableapp.operator.cdn.varnish.EdgeServiceDependent;
import io.scalableapp.operator.cdn.varnish.VarnishCdnDependent;
import io.scalableapp.operator.cdn.varnish.VarnishEdgeEnabled;
import io.scalableapp.operator.cdn.varnish.VarnishProvider;
import io.scalableapp.operator.dependent.AppChildResource;
import io.scalableapp.operator.dependent.AutoscalingEnabled;
import io.scalableapp.operator.dependent.ChildChanges;
import io.scalableapp.operator.dependent.DeploymentDependent;
import io.scalableapp.operator.dependent.HorizontalPodAutoscalerDependent;
import io.scalableapp.operator.dependent.Pause;
import io.scalableapp.operator.dependent.ServiceDependent;
import io.scalableapp.operator.events.EventRecorder;
import io.scalableapp.operator.prediction.PredictionEventSource;
import io.scalableapp.operator.prediction.PredictionLeadership;
import io.scalableapp.operator.prediction.PredictionOutcome;
import io.scalableapp.operator.prediction.PredictionService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The children are kept by the workflow; this class only turns what the workflow left behind into
 * the app's status.
 */
@Workflow(
    dependents = {
      @Dependent(name = DeploymentDependent.NAME, type = DeploymentDependent.class),
      @Dependent(name = ServiceDependent.NAME, type = ServiceDependent.class),
      @Dependent(
          name = HorizontalPodAutoscalerDependent.NAME,
          type = HorizontalPodAutoscalerDependent.class,
          reconcilePrecondition = AutoscalingEnabled.class,
          dependsOn = DeploymentDependent.NAME),
      // spec.cdn with provider varnish: the edge tier in front of the app's Service.
      @Dependent(
          name = EdgeConfigMapDependent.NAME,
          type = EdgeConfigMapDependent.class,
          reconcilePrecondition = VarnishEdgeEnabled.class),
      @Dependent(
          name = EdgeServiceDependent.NAME,
          type = EdgeServiceDependent.class,
          reconcilePrecondition = VarnishEdgeEnabled.class),
      @Dependent(
          name = EdgePurgeSecretDependent.NAME,
          type = EdgePurgeSecretDependent.class,
          reconcilePrecondition = VarnishEdgeEnabled.class),
      @Dependent(
          name = EdgeDeploymentDependent.NAME,
          type = EdgeDeploymentDependent.class,
          reconcilePrecondition = VarnishEdgeEnabled.class,
          dependsOn = {
            EdgeConfigMapDependent.NAME,
            EdgePurgeSecretDependent.NAME,
            ServiceDependent.NAME
          }),
      @Dependent(
          name = EdgeHorizontalPodAutoscalerDependent.NAME,
          type = EdgeHorizontalPodAutoscalerDependent.class,
          reconcilePrecondition = VarnishEdgeEnabled.class,
          dependsOn = EdgeDeploymentDependent.NAME),
      // One external dependent per CDN provider; a new provider is a new pair of lines here.
      // Every dependent is built by WorkflowDependents, which needs a line for a new one.
      @Dependent(
          name = VarnishProvider.NAME,
          type = VarnishCdnDependent.class,
          reconcilePrecondition = VarnishCdnDependent.Active.class),
      @Dependent(
          name = CloudflareCdnDependent.NAME,
          type = CloudflareCdnDependent.class,
          reconcilePrecondition = CloudflareCdnDependent.Active.class)
    })
@ControllerConfiguration(
    name = "scalableapp",
    fieldManager = AppChildResource.FIELD_MANAGER,
    generationAwareEventProcessing = false,
    // Without comparable resource versions JOSDK keeps no temporary copy of our own status writes:
    // with one, a spec
    // change landing just before a status write was taken for an older event and dropped (JOSDK
    // 5.3.2). Our own
    // status writes then arrive as events, and ScalableAppChanged lets them pass by.
    informer =
        @Informer(onUpdateFilter = ScalableAppChanged.class, comparableResourceVersions = false))
public class ScalableAppReconciler
    implements Reconciler<ScalableApp>, ContextInitializer<ScalableApp> {
  private static final Logger LOG = LoggerFactory.getLogger(ScalableAppReconciler.class);

  /** The CDN dependents, by provider name. */
  static final List<String> CDN_PROVIDERS =
      List.of(VarnishProvider.NAME, CloudflareCdnDependent.NAME);

  private final Clock clock;
  private final PredictionService prediction;
  private final PredictionLeadership leadership;
  private final EventRecorder events;
  private final CdnRuntime cdn;

  private StatusRecorder statuses;

  /**
   * What reconcile() reported, so an error after it (the status write) does not report, nor send
   * Events, twice.
   */
  private static final String REPORTED = "reported-status";

  public ScalableAppReconciler(
      Clock clock,
      PredictionService prediction,
      PredictionLeadership leadership,
      EventRecorder events,
      CdnRuntime cdn) {
    this.clock = clock;
    this.prediction = prediction;
    this.leadership = leadership;
    this.events = events;
    this.cdn = cdn;
  }

  @Override
  public List<EventSource<?, ScalableApp>> prepareEventSources(
      EventSourceContext<ScalableApp> context) {
    statuses = new StatusRecorder(context.getClient().getKubernetesSerialization());
    return List.of(
        statuses,
        new PredictionEventSource(context, prediction, leadership, statuses),
        new CdnCleanupEventSource(context, leadership, statuses, events, cdn));
  }

  /**
   * Before the workflow: every dependent and reporter reads the newest status, never an older
   * snapshot's.
   */
  @Override
  public void initContext(ScalableApp app, Context<ScalableApp> context) {
    statuses.refresh(app);
    ChildChanges.begin(context);
  }

  @Override
  public UpdateControl<ScalableApp> reconcile(ScalableApp app, Context<ScalableApp> context) {
    ChildChanges.tell(app, context, events);
    StatusReport report =
        StatusReport.of(
            app,
            context.getSecondaryResource(Deployment.class, DeploymentDependent.NAME),
            context.getSecondaryResource(PredictionOutcome.class),
            cdnOutcomes(context),
            Optional.empty(),
            events,
            cdn.settings().resync(),
            clock.instant());
    context.managedWorkflowAndDependentResourceContext().put(REPORTED, report.status());
    if (PredictionService.isPredicted(app)) {
      prediction.observeReplicas(
          app,
          report.status().getReadyReplicas(),
          context
              .getSecondaryResource(
                  HorizontalPodAutoscaler.class, HorizontalPodAutoscalerDependent.NAME)
              .map(HorizontalPodAutoscaler::getStatus)
              .map(HorizontalPodAutoscalerStatus::getDesiredReplicas)
              .orElse(null),
          Pause.of(app).isPresent());
    }
    writeIfChanged(app, report.status(), context);
    UpdateControl<ScalableApp> control = UpdateControl.noUpdate();
    report.recheck().ifPresent(control::rescheduleAfter);
    return control;
  }

  @Override
  public ErrorStatusUpdateControl<ScalableApp> updateErrorStatus(
      ScalableApp app, Context<ScalableApp> context, Exception e) {
    // What the workflow made before it failed.
    ChildChanges.tell(app, context, events);
    Optional<Deployment> deployment =
        context.getSecondaryResource(Deployment.class, DeploymentDependent.NAME);
    Optional<ScalableAppStatus> reported =
        context.managedWorkflowAndDependentResourceContext().get(REPORTED, ScalableAppStatus.class);
    // The workflow failed: what its other dependents and the prediction did is reported all the
    // same (a purge, a
    // raised floor). reconcile() failed writing: what it reported stands, only the failure is
    // added.
    ScalableAppStatus status =
        reported
            .map(r -> StatusReport.failedAfter(app, r, deployment, e, clock.instant()))
            .orElseGet(
                () ->
                    StatusReport.of(
                            app,
                            deployment,
                            context.getSecondaryResource(PredictionOutcome.class),
                            cdnOutcomes(context),
                            Optional.of(e),
                            events,
                            cdn.settings().resync(),
                            clock.instant())
                        .status());
    // The Event reaches `kubectl describe` even when the status write below is refused too; JOSDK
    // retries.
    events.warning(
        app, "ReconcileFailed", StatusAggregator.describe(e) + "; retrying with backoff");
    try {
      writeIfChanged(app, status, context);
    } catch (RuntimeException writeFailed) {
      LOG.warn(
          "Could not record the failure of {}/{} in its status: {}",
          app.getMetadata().getNamespace(),
          app.getMetadata().getName(),
          StatusAggregator.describe(writeFailed));
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  private static List<CdnOutcome> cdnOutcomes(Context<ScalableApp> context) {
    return CDN_PROVIDERS.stream()
        .flatMap(
            p ->
                context
                    .managedWorkflowAndDependentResourceContext()
                    .get(CdnOutcome.key(p), CdnOutcome.class)
                    .stream())
        .toList();
  }

  /** Skipping identical status writes keeps the API server and watchers quiet. */
  private void writeIfChanged(
      ScalableApp app, ScalableAppStatus status, Context<ScalableApp> context) {
    if (!status.equals(app.getStatus())) {
      statuses.write(context.getClient(), app, status);
    }
  }
}
