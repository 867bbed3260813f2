package io.scalableapp.operator.cdn.varnish;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.events.EventRecorder;

/**
 * The edge's Service: clients (an Ingress, a load balancer) talk to it; the edge talks to the app's
 * Service.
 */
@KubernetesDependent(informer = @Informer(labelSelector = ChildLabels.EDGE_SELECTOR))
public class EdgeServiceDependent extends EdgeChildResource<Service> {
  /** Its name in the reconciler's workflow, by which it and others look its resource up. */
  public static final String NAME = "edge-service";

  public static final int SERVICE_PORT = 80;

  public EdgeServiceDependent(EventRecorder events) {
    super(Service.class, events);
  }

  @Override
  protected Service desired(ScalableApp app, Context<ScalableApp> context) {
    return desired(app);
  }

  static Service desired(ScalableApp app) {
    return new ServiceBuilder()
        .withMetadata(edgeMetadata(app))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(ChildLabels.edgeSelector(app))
        .addNewPort()
        .withName(PORT_NAME)
        .withPort(SERVICE_PORT)
        .withTargetPort(new IntOrString(PORT_NAME))
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }
}
