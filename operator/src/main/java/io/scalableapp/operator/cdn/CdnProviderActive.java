package io.scalableapp.operator.cdn;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.scalableapp.operator.api.ScalableApp;

/**
 * (Reconcile precondition: an activation condition would need an event source.) A provider's
 * dependent runs while spec.cdn names the provider, or while status.cdn says the provider still
 * holds something the operator made (spec.cdn was removed or switched provider), or {@link
 * CloudflareZones} records a zone the app's rules may be in, until that is removed.
 */
public abstract class CdnProviderActive implements Condition<CdnOutcome, ScalableApp> {
  private final String provider;

  protected CdnProviderActive(String provider) {
    this.provider = provider;
  }

  @Override
  public boolean isMet(
      DependentResource<CdnOutcome, ScalableApp> dependent,
      ScalableApp app,
      Context<ScalableApp> context) {
    return isActive(app, provider);
  }

  public static boolean isActive(ScalableApp app, String provider) {
    var cdn = app.getSpec().getCdn();
    boolean named = cdn != null && cdn.getProvider().name().equals(provider);
    boolean holding =
        app.getStatus() != null
            && app.getStatus().getCdn() != null
            && provider.equals(app.getStatus().getCdn().getProvider());
    boolean recorded = provider.equals("cloudflare") && !CloudflareZones.recorded(app).isEmpty();
    return named || holding || recorded;
  }
}
