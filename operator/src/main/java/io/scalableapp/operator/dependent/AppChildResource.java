package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.reconciler.ScalableAppReconciler;
import io.scalableapp.operator.runtime.EventRecorder;
import java.time.Clock;
import java.util.Objects;

/**
 * A child object of an app, applied server-side and owned by it. Records an Event whenever the
 * operator creates it or has to change it, so drift repair is visible in `kubectl describe`.
 */
public abstract class AppChildResource<R extends HasMetadata> extends CRUDKubernetesDependentResource<R, ScalableApp> {

  protected AppChildResource(Class<R> type) {
    super(type);
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
    events(context).normal(app, "Created", "Created " + describe(desired));
    return created;
  }

  @Override
  public R update(R actual, R desired, ScalableApp app, Context<ScalableApp> context) {
    R updated = super.update(actual, desired, app, context);
    if (!specAlreadyApplied(app)) {
      events(context).normal(app, "Updated", "Updated " + describe(desired) + " to the app's new spec");
    } else if (editedByOthers(actual)) {
      events(context).warning(app, "DriftRepaired", describe(desired) + " differed from the app's spec and was restored");
    }
    // Otherwise the operator moved the replica floor itself; the reconciler reports that.
    return updated;
  }

  /** Someone other than the operator and the control plane wrote the object's spec or metadata. */
  private static boolean editedByOthers(HasMetadata actual) {
    return actual.getMetadata().getManagedFields().stream()
        .filter(f -> f.getSubresource() == null || f.getSubresource().isEmpty())
        .map(ManagedFieldsEntry::getManager)
        .anyMatch(m -> !ScalableAppReconciler.FIELD_MANAGER.equals(m) && !m.startsWith("kube-"));
  }

  private static boolean specAlreadyApplied(ScalableApp app) {
    return app.getStatus() != null
        && Objects.equals(app.getStatus().getObservedGeneration(), app.getMetadata().getGeneration());
  }

  private static EventRecorder events(Context<ScalableApp> context) {
    return new EventRecorder(context.getClient(), Clock.systemUTC());
  }

  private static String describe(HasMetadata resource) {
    return resource.getKind() + " " + resource.getMetadata().getName();
  }
}
