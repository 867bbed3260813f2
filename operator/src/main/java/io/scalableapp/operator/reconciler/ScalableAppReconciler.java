package io.scalableapp.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
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
import java.time.Clock;
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
        reconcilePrecondition = AutoscalingEnabled.class, dependsOn = ScalableAppReconciler.DEPLOYMENT)
})
@ControllerConfiguration(name = "scalableapp", fieldManager = ScalableAppReconciler.FIELD_MANAGER)
public class ScalableAppReconciler implements Reconciler<ScalableApp> {
  public static final String FIELD_MANAGER = "scalableapp-operator";
  static final String DEPLOYMENT = "deployment";
  static final String SERVICE = "service";
  static final String HPA = "horizontalpodautoscaler";

  private final Clock clock;
  private final PredictionService prediction;
  private final PredictionLeadership leadership;
  private final EventRecorder events;

  public ScalableAppReconciler(Clock clock, PredictionService prediction, PredictionLeadership leadership,
      EventRecorder events) {
    this.clock = clock;
    this.prediction = prediction;
    this.leadership = leadership;
    this.events = events;
  }

  @Override
  public List<EventSource<?, ScalableApp>> prepareEventSources(EventSourceContext<ScalableApp> context) {
    return List.of(new PredictionEventSource(context, prediction, leadership));
  }

  @Override
  public UpdateControl<ScalableApp> reconcile(ScalableApp app, Context<ScalableApp> context) {
    Instant now = clock.instant();
    ScalableAppStatus status = StatusAggregator.aggregate(app, context.getSecondaryResource(Deployment.class),
        Optional.empty(), now);
    PredictionReporter.report(app, context.getSecondaryResource(PredictionOutcome.class), status,
        events, now);
    PauseReporter.report(app, context.getSecondaryResource(Deployment.class), status, events, now);
    return patchIfChanged(app, status);
  }

  @Override
  public ErrorStatusUpdateControl<ScalableApp> updateErrorStatus(ScalableApp app, Context<ScalableApp> context,
      Exception e) {
    ScalableAppStatus status = StatusAggregator.aggregate(app, context.getSecondaryResource(Deployment.class),
        Optional.of(e), clock.instant());
    // The Event reaches `kubectl describe` even when the status write below is refused too; JOSDK retries.
    events.warning(app, "ReconcileFailed",
        StatusAggregator.describe(e) + "; retrying with backoff");
    if (app.getStatus() != null) {
      status.setPrediction(app.getStatus().getPrediction());
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
