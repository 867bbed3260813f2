package io.scalableapp.operator.cdn;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.DefaultManagedWorkflowAndDependentResourceContext;
import io.scalableapp.operator.api.ScalableApp;
import java.lang.reflect.Proxy;
import java.util.Optional;

/** Reconciliation contexts for calling a CDN dependent without a cluster. */
public final class DependentContexts {
  private DependentContexts() {}

  /**
   * The little of a reconciliation's context the CDN dependent reads when nothing it does reaches
   * the API server: no secondary resources, and a client that is handed out but never called.
   */
  @SuppressWarnings("unchecked")
  public static Context<ScalableApp> withoutCluster(ScalableApp app) {
    var workflowContext = new DefaultManagedWorkflowAndDependentResourceContext<>(null, app, null);
    return (Context<ScalableApp>)
        Proxy.newProxyInstance(
            Context.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "managedWorkflowAndDependentResourceContext" -> workflowContext;
                  case "getSecondaryResource" -> Optional.empty();
                  case "getClient" -> null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
