package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.events.EventRecorder;
import io.scalableapp.operator.status.Conditions;
import java.util.Objects;

/**
 * A child object of an app, applied server-side and owned by it. An Event tells whenever the
 * operator creates it or has to change it, so drift repair is visible in `kubectl describe`;
 * creations and spec updates of one reconciliation share one Event ({@link ChildChanges}).
 */
public abstract class AppChildResource<R extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, ScalableApp> {
  /** The field manager of everything the operator applies: its children, and the app's status. */
  public static final String FIELD_MANAGER = "scalableapp-operator";

  private final EventRecorder events;

  protected AppChildResource(Class<R> type, EventRecorder events) {
    super(type);
    this.events = events;
  }

  /** Metadata every child shares: the app's name and namespace and the operator's labels. */
  protected static ObjectMeta childMetadata(ScalableApp app) {
    return new ObjectMetaBuilder()
        .withName(app.getMetadata().getName())
        .withNamespace(app.getMetadata().getNamespace())
        .withLabels(ChildLabels.all(app))
        .build();
  }

  @Override
  public R create(R desired, ScalableApp app, Context<ScalableApp> context) {
    R created = super.create(desired, app, context);
    ChildChanges.of(context)
        .ifPresentOrElse(
            changes -> changes.created(desired),
            () -> events.normal(app, "Created", "Created " + ChildChanges.describe(desired)));
    return created;
  }

  @Override
  public R update(R actual, R desired, ScalableApp app, Context<ScalableApp> context) {
    // Judged before the update, which adds the operator's metadata to desired.
    boolean drift = specAlreadyApplied(app) && !onlyTheFloorMoved(actual, desired, app, context);
    R updated = super.update(actual, desired, app, context);
    if (!specAlreadyApplied(app)) {
      ChildChanges.of(context)
          .ifPresentOrElse(
              changes -> changes.updated(desired),
              () ->
                  events.normal(
                      app,
                      "Updated",
                      "Updated " + ChildChanges.describe(desired) + " to the app's new spec"));
    } else if (drift) {
      events.warning(
          app,
          "DriftRepaired",
          ChildChanges.describe(desired) + " differed from the app's spec and was restored");
    }
    // Otherwise the operator moved the replica floor itself; the reconciler reports that.
    return updated;
  }

  /**
   * Sets the field that follows the replica floor (if this kind has one) to {@code live}'s value,
   * so comparing tells a floor move apart from a change someone else made.
   */
  protected R withFloorOf(R desired, R live) {
    return desired;
  }

  /** The live object would need no update if the floor had not moved: nobody else changed it. */
  private boolean onlyTheFloorMoved(
      R actual, R desired, ScalableApp app, Context<ScalableApp> context) {
    R atLiveFloor =
        withFloorOf(context.getClient().getKubernetesSerialization().clone(desired), actual);
    return match(actual, atLiveFloor, app, context).matched();
  }

  /**
   * Observed and not failed: a generation whose apply failed is observed too (kstatus: Failed), yet
   * not applied.
   */
  private static boolean specAlreadyApplied(ScalableApp app) {
    return app.getStatus() != null
        && Objects.equals(
            app.getStatus().getObservedGeneration(), app.getMetadata().getGeneration())
        && Conditions.find(app.getStatus().getConditions(), Conditions.STALLED)
            .map(stalled -> !"ReconcileError".equals(stalled.getReason()))
            .orElse(true);
  }
}
