package io.scalableapp.operator.reconciler;

import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.dependent.DependentResourceSpec;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResourceFactory;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.cdn.CdnRuntime;
import io.scalableapp.operator.cdn.cloudflare.CloudflareCdnDependent;
import io.scalableapp.operator.cdn.varnish.EdgeConfigMapDependent;
import io.scalableapp.operator.cdn.varnish.EdgeDeploymentDependent;
import io.scalableapp.operator.cdn.varnish.EdgeHorizontalPodAutoscalerDependent;
import io.scalableapp.operator.cdn.varnish.EdgePurgeSecretDependent;
import io.scalableapp.operator.cdn.varnish.EdgeServiceDependent;
import io.scalableapp.operator.cdn.varnish.VarnishCdnDependent;
import io.scalableapp.operator.dependent.DeploymentDependent;
import io.scalableapp.operator.dependent.HorizontalPodAutoscalerDependent;
import io.scalableapp.operator.dependent.ServiceDependent;
import io.scalableapp.operator.events.EventRecorder;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the dependents of {@link ScalableAppReconciler}'s workflow, handing each the collaborators
 * of the operator it belongs to. JOSDK instantiates a workflow's dependents itself, through the
 * configuration's {@link DependentResourceFactory} (set with {@code
 * ConfigurationServiceOverrider.withDependentResourceFactory}); this one calls their constructors.
 * Each operator has its own factory, so operators sharing a JVM (the tests start several) never
 * share a recorder or CDN state, and a test builds a dependent with whatever recorder it likes.
 * Constructors rather than the workflow context (a {@code ContextInitializer} putting them in by
 * key): the collaborators are fixed for the operator's life, so they are final fields, and a
 * dependent cannot reconcile without them.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WorkflowDependents
    implements DependentResourceFactory<ControllerConfiguration<?>, DependentResourceSpec> {
  /** One line per @Dependent of the workflow. */
  private final Map<Class<?>, Supplier<DependentResource<?, ScalableApp>>> constructors;

  public WorkflowDependents(EventRecorder events, CdnRuntime cdn) {
    constructors =
        Map.ofEntries(
            Map.entry(DeploymentDependent.class, () -> new DeploymentDependent(events)),
            Map.entry(ServiceDependent.class, () -> new ServiceDependent(events)),
            Map.entry(
                HorizontalPodAutoscalerDependent.class,
                () -> new HorizontalPodAutoscalerDependent(events)),
            Map.entry(EdgeConfigMapDependent.class, () -> new EdgeConfigMapDependent(events)),
            Map.entry(EdgeServiceDependent.class, () -> new EdgeServiceDependent(events)),
            Map.entry(EdgePurgeSecretDependent.class, () -> new EdgePurgeSecretDependent(cdn)),
            Map.entry(
                EdgeDeploymentDependent.class,
                () -> new EdgeDeploymentDependent(events, cdn.settings())),
            Map.entry(
                EdgeHorizontalPodAutoscalerDependent.class,
                () -> new EdgeHorizontalPodAutoscalerDependent(events)),
            Map.entry(VarnishCdnDependent.class, () -> new VarnishCdnDependent(events, cdn)),
            Map.entry(CloudflareCdnDependent.class, () -> new CloudflareCdnDependent(events, cdn)));
  }

  @Override
  public DependentResource createFrom(
      DependentResourceSpec spec, ControllerConfiguration<?> configuration) {
    DependentResource dependent = create(spec.getDependentResourceClass());
    configure(dependent, spec, configuration);
    return dependent;
  }

  /** Asked while configuring the workflow; JOSDK's default would call a no-argument constructor. */
  @Override
  public Class<?> associatedResourceType(DependentResourceSpec spec) {
    return create(spec.getDependentResourceClass()).resourceType();
  }

  /** A new dependent of {@code type}, with this operator's collaborators. */
  DependentResource<?, ScalableApp> create(Class<?> type) {
    Supplier<DependentResource<?, ScalableApp>> constructor = constructors.get(type);
    if (constructor == null) {
      throw new IllegalStateException(
          type.getName() + " is in the workflow but WorkflowDependents cannot build it");
    }
    return constructor.get();
  }
}
