package io.scalableapp.operator.cdn.varnish;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.events.EventRecorder;
import java.util.Map;

/**
 * The edge's VCL, generated from spec.cdn; mounted by the edge pods as /etc/varnish/default.vcl.
 */
@KubernetesDependent(informer = @Informer(labelSelector = ChildLabels.EDGE_SELECTOR))
public class EdgeConfigMapDependent extends EdgeChildResource<ConfigMap> {
  /** Its name in the reconciler's workflow, by which it and others look its resource up. */
  public static final String NAME = "edge-configmap";

  public static final String VCL_KEY = "default.vcl";
  public static final String VCL_HASH_ANNOTATION = "scalableapp.io/vcl-hash";

  public EdgeConfigMapDependent(EventRecorder events) {
    super(ConfigMap.class, events);
  }

  @Override
  protected ConfigMap desired(ScalableApp app, Context<ScalableApp> context) {
    return desired(app);
  }

  static ConfigMap desired(ScalableApp app) {
    if (beingRemoved(app)) {
      return new ConfigMapBuilder().withMetadata(edgeMetadata(app)).build();
    }
    String vcl = EdgeVcl.of(app);
    var metadata = edgeMetadata(app);
    metadata.setAnnotations(Map.of(VCL_HASH_ANNOTATION, EdgeVcl.hash(vcl)));
    return new ConfigMapBuilder().withMetadata(metadata).withData(Map.of(VCL_KEY, vcl)).build();
  }
}
