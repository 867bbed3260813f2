package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.events.EventRecorder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The children one reconciliation created or updated to a new spec, told as one Event each kind of
 * change ("Created Deployment shop, Service shop, HorizontalPodAutoscaler shop"), not one per
 * child: a fleet's first reconciliations wrote three Events per app, as many API calls as the
 * applies themselves, on an API server that was the bottleneck. Kept in the reconciliation's
 * context, filled by the dependents on the workflow's threads, and told by the reconciler once the
 * workflow has run, whether it succeeded or failed.
 */
public final class ChildChanges {
  private static final String KEY = "child-changes";
  private static final List<String> KIND_ORDER =
      List.of("Deployment", "Service", "HorizontalPodAutoscaler");

  private final List<HasMetadata> created = new ArrayList<>();
  private final List<HasMetadata> updated = new ArrayList<>();

  /** Starts the reconciliation's record; called before the workflow runs. */
  public static void begin(Context<ScalableApp> context) {
    context.managedWorkflowAndDependentResourceContext().put(KEY, new ChildChanges());
  }

  /** The reconciliation's record, if {@link #begin} started one. */
  static Optional<ChildChanges> of(Context<ScalableApp> context) {
    return context.managedWorkflowAndDependentResourceContext().get(KEY, ChildChanges.class);
  }

  synchronized void created(HasMetadata child) {
    created.add(child);
  }

  synchronized void updated(HasMetadata child) {
    updated.add(child);
  }

  /** Records one Event for the children created and one for those updated, if any. */
  public static void tell(ScalableApp app, Context<ScalableApp> context, EventRecorder events) {
    of(context).ifPresent(changes -> changes.tell(app, events));
  }

  private synchronized void tell(ScalableApp app, EventRecorder events) {
    if (!created.isEmpty()) {
      events.normal(app, "Created", "Created " + describe(created));
    }
    if (!updated.isEmpty()) {
      events.normal(app, "Updated", "Updated " + describe(updated) + " to the app's new spec");
    }
    created.clear();
    updated.clear();
  }

  static String describe(HasMetadata child) {
    return child.getKind() + " " + child.getMetadata().getName();
  }

  private static String describe(List<HasMetadata> children) {
    return String.join(
        ", ",
        children.stream()
            .sorted(
                Comparator.comparingInt((HasMetadata c) -> rank(c.getKind()))
                    .thenComparing(HasMetadata::getKind)
                    .thenComparing(c -> c.getMetadata().getName()))
            .map(ChildChanges::describe)
            .toList());
  }

  private static int rank(String kind) {
    int i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.size() : i;
  }
}
