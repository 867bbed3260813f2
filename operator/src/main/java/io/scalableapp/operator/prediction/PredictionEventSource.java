package io.scalableapp.operator.prediction;

import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.ResourceIDMapper;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.javaoperatorsdk.operator.processing.event.source.ExternalResourceCachingEventSource;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.status.NewestStatus;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates every predicted app on the {@link PredictionScheduler}; the latest outcome is the app's
 * secondary resource, and a new one triggers a reconciliation. Apps with prediction Off are not
 * polled, and a spec change is evaluated at once. An outcome that repeats the previous one is not
 * published, so a settled fleet is not reconciled once per app and interval. Reading the outcome
 * never evaluates: nothing slow runs inside reconcile().
 */
public final class PredictionEventSource
    extends ExternalResourceCachingEventSource<PredictionOutcome, ScalableApp, String>
    implements ResourceEventAware<ScalableApp> {
  private final PredictionService prediction;
  private final Cache<ScalableApp> apps;
  private final PredictionScheduler scheduler;
  private final NewestStatus statuses;

  public PredictionEventSource(
      EventSourceContext<ScalableApp> context,
      PredictionService prediction,
      PredictionLeadership leadership,
      NewestStatus statuses) {
    super("prediction", PredictionOutcome.class, ResourceIDMapper.singleResourceResourceIDMapper());
    this.prediction = prediction;
    this.apps = context.getPrimaryCache();
    this.statuses = statuses;
    PredictionSettings settings = prediction.settings();
    this.scheduler =
        new PredictionScheduler(
            settings.interval(), settings.concurrency(), settings.timeout(), this::evaluate);
    prediction.watchQueue(scheduler::waiting);
    leadership.follow(scheduler);
  }

  @Override
  public void onResourceCreated(ScalableApp app) {
    track(app);
  }

  @Override
  public void onResourceUpdated(ScalableApp app, ScalableApp old) {
    track(app);
    if (!Objects.equals(app.getMetadata().getGeneration(), old.getMetadata().getGeneration())) {
      scheduler.runSoon(ResourceID.fromResource(app));
    }
  }

  @Override
  public void onResourceDeleted(ScalableApp app) {
    stopTracking(app);
  }

  @Override
  public void stop() {
    scheduler.close();
    super.stop();
  }

  private void track(ScalableApp app) {
    ResourceID id = ResourceID.fromResource(app);
    if (PredictionService.isPredicted(app)) {
      prediction.track(app);
      scheduler.register(id);
    } else {
      stopTracking(app);
    }
  }

  /** Under the same lock as publishing, so an outcome of the app that is gone is never put back. */
  private synchronized void stopTracking(ScalableApp app) {
    ResourceID id = ResourceID.fromResource(app);
    scheduler.unregister(id);
    handleDelete(id);
    prediction.forget(app);
  }

  /**
   * Runs on a prediction worker, always with the app as the cache has it now, and the newest status
   * we wrote.
   */
  private void evaluate(ResourceID id) {
    apps.get(id)
        .filter(PredictionService::isPredicted)
        .map(statuses::withNewest)
        .ifPresent(
            app -> {
              PredictionOutcome outcome = prediction.evaluate(app, () -> isCurrent(app));
              publish(app, outcome);
            });
  }

  /**
   * Publishes the outcome while {@code app} is still the one of its name: a run that outlived its
   * app's deletion, or its re-creation under the same name, must not hand the new app the old
   * floor.
   */
  private synchronized void publish(ScalableApp app, PredictionOutcome outcome) {
    ResourceID id = ResourceID.fromResource(app);
    // An outcome that only repeats the last one later would reconcile the app for nothing.
    if (isCurrent(app) && !outcome.repeats(getSecondaryResource(id).orElse(null))) {
      handleResources(id, Set.of(outcome));
    }
  }

  /** Running, and the cache holds this very app (same UID), still predicted. */
  private boolean isCurrent(ScalableApp app) {
    return isRunning()
        && apps.get(ResourceID.fromResource(app))
            .filter(
                cached -> Objects.equals(cached.getMetadata().getUid(), app.getMetadata().getUid()))
            .filter(PredictionService::isPredicted)
            .isPresent();
  }
}
