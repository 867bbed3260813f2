package io.scalableapp.operator.cdn;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalableapp.operator.api.ScalableApp;
import java.util.ArrayList;
import java.util.List;

/**
 * The finalizer that keeps an app with a CDN until the operator has removed what it created at the provider. Only
 * apps whose spec.cdn is or was set carry it; JOSDK's own finalizer is not used, so apps without a CDN are deleted
 * as before. {@link CdnCleanupEventSource} releases it when such an app is deleted.
 */
public final class CdnFinalizer {
  public static final String NAME = "cdn.scalableapp.io/cleanup";

  private CdnFinalizer() {}

  public static boolean isOn(ScalableApp app) {
    return app.getMetadata().getFinalizers() != null && app.getMetadata().getFinalizers().contains(NAME);
  }

  static void add(KubernetesClient client, ScalableApp app) {
    if (isOn(app) || app.isMarkedForDeletion()) return;
    client.resources(ScalableApp.class).inNamespace(app.getMetadata().getNamespace())
        .withName(app.getMetadata().getName()).edit(live -> {
          List<String> finalizers = new ArrayList<>(live.getMetadata().getFinalizers());
          if (!finalizers.contains(NAME)) finalizers.add(NAME);
          live.getMetadata().setFinalizers(finalizers);
          return live;
        });
  }

  static void remove(KubernetesClient client, ScalableApp app) {
    if (!isOn(app)) return;
    var live = client.resources(ScalableApp.class).inNamespace(app.getMetadata().getNamespace())
        .withName(app.getMetadata().getName());
    if (live.get() == null) return;
    live.edit(current -> {
      List<String> finalizers = new ArrayList<>(current.getMetadata().getFinalizers());
      finalizers.remove(NAME);
      current.getMetadata().setFinalizers(finalizers);
      return current;
    });
  }
}
