package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ServiceSpec;
import io.scalableapp.operator.events.EventRecorder;

@KubernetesDependent(
    informer =
        @Informer(
            labelSelector = ChildLabels.APP_CHILDREN_SELECTOR,
            itemStore = OwnManagedFieldsStore.class))
public class ServiceDependent extends AppChildResource<Service> {
  /** Its name in the reconciler's workflow, by which it and others look its resource up. */
  public static final String NAME = "service";

  public ServiceDependent(EventRecorder events) {
    super(Service.class, events);
  }

  @Override
  protected Service desired(ScalableApp app, Context<ScalableApp> context) {
    return desired(app);
  }

  static Service desired(ScalableApp app) {
    ServiceSpec service = app.getSpec().getService();
    var metadata = childMetadata(app);
    if (!service.getAnnotations().isEmpty()) {
      metadata.setAnnotations(service.getAnnotations());
    }
    return new ServiceBuilder()
        .withMetadata(metadata)
        .withNewSpec()
        .withType(service.getType().name())
        .withSelector(ChildLabels.selector(app))
        .addNewPort()
        .withName(DeploymentDependent.PORT_NAME)
        .withPort(service.getPort())
        .withTargetPort(new IntOrString(DeploymentDependent.PORT_NAME))
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }
}
