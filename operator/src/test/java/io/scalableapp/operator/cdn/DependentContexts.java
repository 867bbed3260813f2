package io.scalableapp.operator.cdn;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.DefaultManagedWorkflowAndDependentResourceContext;
import io.scalableapp.operator.api.ScalableApp;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.stream.Collectors;

/** Reconciliation contexts for calling a dependent without a cluster. */
public final class DependentContexts {
  private DependentContexts() {}

  /**
   * The little of a reconciliation's context a dependent reads when nothing it does reaches the API
   * server: no secondary resources, and a client that is handed out but never called.
   */
  public static Context<ScalableApp> withoutCluster(ScalableApp app) {
    return withSecondaries(app, List.of());
  }

  /**
   * The same, with {@code secondaries} as the informers' caches: a lookup by type (and name) finds
   * the first of that type.
   */
  @SuppressWarnings("unchecked")
  public static Context<ScalableApp> withSecondaries(
      ScalableApp app, List<? extends HasMetadata> secondaries) {
    var workflowContext = new DefaultManagedWorkflowAndDependentResourceContext<>(null, app, null);
    return (Context<ScalableApp>)
        Proxy.newProxyInstance(
            Context.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "managedWorkflowAndDependentResourceContext" -> workflowContext;
                  case "getSecondaryResource" ->
                      secondaries.stream().filter(((Class<?>) args[0])::isInstance).findFirst();
                  case "getSecondaryResources" ->
                      secondaries.stream()
                          .filter(((Class<?>) args[0])::isInstance)
                          .collect(Collectors.toSet());
                  case "getClient" -> null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
