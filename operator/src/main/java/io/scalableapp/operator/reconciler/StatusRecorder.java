package io.scalableapp.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.dependent.AppChildResource;
import io.scalableapp.operator.status.NewestStatus;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The status the operator last wrote for each app, and the one place every reader gets an app's
 * status from. The informer keeps no copy of our own writes (see {@link ScalableAppReconciler}), so
 * the app a reconciliation, a prediction run or the CDN cleanup is handed can carry a status older
 * than our last write; carried forward, that would bring back an old floor, mode or purge record
 * and repeat transition Events. Newest wins, by resource version: the snapshot's own status once it
 * is as new as our write, else what we wrote. Kept per UID, so a new app of a deleted one's name
 * starts empty; an event source only so that it hears of deletions and forgets.
 */
public final class StatusRecorder extends AbstractEventSource<ScalableAppStatus, ScalableApp>
    implements ResourceEventAware<ScalableApp>, NewestStatus {
  private record Written(ScalableAppStatus status, String resourceVersion) {}

  private final KubernetesSerialization serialization;
  private final Map<String, Written> byUid = new ConcurrentHashMap<>();

  public StatusRecorder(KubernetesSerialization serialization) {
    super(ScalableAppStatus.class, "status-recorder");
    this.serialization = serialization;
  }

  /**
   * The newest status known for {@code app}: its own, or the one we wrote after the snapshot was
   * taken.
   */
  public Optional<ScalableAppStatus> newest(ScalableApp app) {
    Written written = byUid.get(String.valueOf(app.getMetadata().getUid()));
    if (written == null
        || !olderThan(app.getMetadata().getResourceVersion(), written.resourceVersion())) {
      return Optional.ofNullable(app.getStatus());
    }
    return Optional.of(copy(written.status()));
  }

  @Override
  public ScalableApp withNewest(ScalableApp app) {
    ScalableAppStatus newest = newest(app).orElse(null);
    if (newest == app.getStatus()) {
      return app;
    }
    ScalableApp view = new ScalableApp();
    view.setMetadata(app.getMetadata());
    view.setSpec(app.getSpec());
    view.setStatus(newest);
    return view;
  }

  /**
   * Gives {@code app}, a reconciliation's own copy, the newest status, before anything reads it.
   */
  void refresh(ScalableApp app) {
    newest(app).ifPresent(app::setStatus);
  }

  /**
   * Applies {@code status} as the app's whole status (server-side apply, our field manager) and
   * remembers it with the resource version the server gave the write.
   */
  void write(KubernetesClient client, ScalableApp app, ScalableAppStatus status) {
    ScalableApp patch = new ScalableApp();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(app.getMetadata().getName())
            .withNamespace(app.getMetadata().getNamespace())
            .build());
    patch.setStatus(status);
    ScalableApp written =
        client
            .resource(patch)
            .subresource("status")
            .patch(
                new PatchContext.Builder()
                    .withPatchType(PatchType.SERVER_SIDE_APPLY)
                    .withFieldManager(AppChildResource.FIELD_MANAGER)
                    .withForce(true)
                    .build());
    record(written);
  }

  /** Remembers what the server answered to our status write. */
  void record(ScalableApp written) {
    byUid.put(
        String.valueOf(written.getMetadata().getUid()),
        new Written(copy(written.getStatus()), written.getMetadata().getResourceVersion()));
  }

  @Override
  public void onResourceDeleted(ScalableApp app) {
    byUid.remove(String.valueOf(app.getMetadata().getUid()));
  }

  @Override
  public Set<ScalableAppStatus> getSecondaryResources(ScalableApp primary) {
    return Set.of();
  }

  int size() {
    return byUid.size();
  }

  /**
   * Whether the snapshot's resource version is older than our write's. Kubernetes calls them
   * opaque, but etcd's are increasing numbers, which JOSDK compares too; one that is not a number
   * counts as older: we are the status's only writer.
   */
  static boolean olderThan(String snapshot, String written) {
    try {
      return Long.parseLong(snapshot) < Long.parseLong(written);
    } catch (NumberFormatException | NullPointerException e) {
      return true;
    }
  }

  private ScalableAppStatus copy(ScalableAppStatus status) {
    return status == null ? null : serialization.clone(status);
  }
}
