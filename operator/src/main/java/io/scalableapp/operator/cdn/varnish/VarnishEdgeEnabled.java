package io.scalableapp.operator.cdn.varnish;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.cdn.CdnSpec;

/**
 * The edge's objects exist only while spec.cdn.provider is varnish; when it is not, JOSDK deletes
 * them.
 */
public class VarnishEdgeEnabled implements Condition<Object, ScalableApp> {
  @Override
  public boolean isMet(
      DependentResource<Object, ScalableApp> dependent,
      ScalableApp app,
      Context<ScalableApp> context) {
    return isEnabled(app);
  }

  public static boolean isEnabled(ScalableApp app) {
    CdnSpec cdn = app.getSpec().getCdn();
    return cdn != null && cdn.getProvider() == CdnSpec.Provider.varnish;
  }
}
