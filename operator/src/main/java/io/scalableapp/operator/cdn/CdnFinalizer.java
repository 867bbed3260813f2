package io.scalableapp.operator.cdn;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.scalableapp.operator.api.ScalableApp;
import java.util.List;

/**
 * The finalizer that keeps an app with a CDN until the operator has removed what it created at the
 * provider. Only apps whose spec.cdn is or was set carry it; JOSDK's own finalizer is not used, so
 * apps without a CDN are deleted as before. {@link CdnCleanupEventSource} releases it when such an
 * app is deleted. JSON patches, not read-modify-write, so they never conflict with the status
 * writes going on beside them.
 */
public final class CdnFinalizer {
  public static final String NAME = "cdn.scalableapp.io/cleanup";

  private CdnFinalizer() {}

  public static boolean isOn(ScalableApp app) {
    return app.getMetadata().getFinalizers() != null
        && app.getMetadata().getFinalizers().contains(NAME);
  }

  static void add(KubernetesClient client, ScalableApp app) {
    if (isOn(app) || app.isMarkedForDeletion()) return;
    List<String> finalizers = app.getMetadata().getFinalizers();
    String patch =
        finalizers == null || finalizers.isEmpty()
            ? "[{\"op\":\"add\",\"path\":\"/metadata/finalizers\",\"value\":[\"" + NAME + "\"]}]"
            : "[{\"op\":\"add\",\"path\":\"/metadata/finalizers/-\",\"value\":\"" + NAME + "\"}]";
    patch(client, app, patch);
  }

  static void remove(KubernetesClient client, ScalableApp app) {
    ScalableApp live =
        client
            .resources(ScalableApp.class)
            .inNamespace(app.getMetadata().getNamespace())
            .withName(app.getMetadata().getName())
            .get();
    if (live == null || !isOn(live)) return;
    int index = live.getMetadata().getFinalizers().indexOf(NAME);
    // The test makes the patch fail, instead of removing someone else's finalizer, if the list
    // moved meanwhile.
    patch(
        client,
        live,
        "[{\"op\":\"test\",\"path\":\"/metadata/finalizers/"
            + index
            + "\",\"value\":\""
            + NAME
            + "\"},"
            + "{\"op\":\"remove\",\"path\":\"/metadata/finalizers/"
            + index
            + "\"}]");
  }

  private static void patch(KubernetesClient client, ScalableApp app, String jsonPatch) {
    client
        .resources(ScalableApp.class)
        .inNamespace(app.getMetadata().getNamespace())
        .withName(app.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON), jsonPatch);
  }
}
