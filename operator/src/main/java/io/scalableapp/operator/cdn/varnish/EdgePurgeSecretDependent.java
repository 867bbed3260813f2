package io.scalableapp.operator.cdn.varnish;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.cdn.CdnRuntime;
import io.scalableapp.operator.cdn.CdnSettings;
import io.scalableapp.operator.cdn.ConfigHash;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The edge's purge Secret, {@code <app>-edge-purge}: the VCL sub that recognises the app's purge
 * token, mounted by the edge pods and included by their VCL. Applied server-side (create or patch,
 * never read back), once per app and token in this process, and again every few minutes or after a
 * refused BAN, so one deleted or edited by hand comes back: the token is derived from the
 * operator's key, so there is nothing to read, and the operator needs no get, list or watch on
 * Secrets for it. Owned by the app, so it goes with it.
 */
public class EdgePurgeSecretDependent implements DependentResource<Secret, ScalableApp> {
  public static final String NAME = "edge-purge-secret";
  public static final String KEY = "token.vcl";
  static final String FIELD_MANAGER = "scalableapp-operator";

  private final CdnRuntime runtime;

  public EdgePurgeSecretDependent(CdnRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Class<Secret> resourceType() {
    return Secret.class;
  }

  @Override
  public Optional<Secret> getSecondaryResource(ScalableApp app, Context<ScalableApp> context) {
    return Optional.empty();
  }

  @Override
  public ReconcileResult<Secret> reconcile(ScalableApp app, Context<ScalableApp> context) {
    Secret desired = desired(app, runtime.settings());
    String fingerprint = tokenFingerprint(app, runtime.settings());
    if (runtime.purgeSecretApplied(app.getMetadata().getUid(), fingerprint)) {
      return ReconcileResult.noOperation(desired);
    }
    context
        .getClient()
        .secrets()
        .inNamespace(app.getMetadata().getNamespace())
        .resource(desired)
        .fieldManager(FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
    runtime.rememberPurgeSecret(app.getMetadata().getUid(), fingerprint);
    return ReconcileResult.resourceCreated(desired);
  }

  public static String secretName(ScalableApp app) {
    return ChildLabels.edgeName(app) + "-purge";
  }

  /**
   * A hash of the app's token, for the pod template: a new token rolls the edge out so it loads it.
   */
  static String tokenFingerprint(ScalableApp app, CdnSettings settings) {
    return ConfigHash.of(settings.purgeTokens().tokenFor(app.getMetadata().getUid()));
  }

  static Secret desired(ScalableApp app, CdnSettings settings) {
    var meta = app.getMetadata();
    return new SecretBuilder()
        .withNewMetadata()
        .withName(secretName(app))
        .withNamespace(meta.getNamespace())
        .withLabels(ChildLabels.edgeAll(app))
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(app.getApiVersion())
                .withKind(app.getKind())
                .withName(meta.getName())
                .withUid(meta.getUid())
                .withController(true)
                .withBlockOwnerDeletion(false)
                .build())
        .endMetadata()
        .withType("Opaque")
        // data, not stringData: a server-side apply of stringData leaves a field no later apply can
        // own.
        .withData(
            Map.of(
                KEY,
                Base64.getEncoder()
                    .encodeToString(
                        VclGenerator.purgeTokenVcl(settings.purgeTokens().tokenFor(meta.getUid()))
                            .getBytes(StandardCharsets.UTF_8))))
        .build();
  }
}
