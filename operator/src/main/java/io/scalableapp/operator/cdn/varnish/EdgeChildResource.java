package io.scalableapp.operator.cdn.varnish;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.cdn.VarnishSpec;
import io.scalableapp.operator.dependent.AppChildResource;
import io.scalableapp.operator.events.EventRecorder;

/**
 * One of the Varnish edge's objects, named {@code <app>-edge} and labelled as the edge component.
 */
abstract class EdgeChildResource<R extends HasMetadata> extends AppChildResource<R> {
  /** Port varnishd listens on in the edge pod (unprivileged, so the pod needs no capability). */
  static final int EDGE_PORT = 8080;

  static final String PORT_NAME = "http";

  /** Port of varnishd's purge listener: in the pod, never in the edge Service. */
  public static final int PURGE_PORT = 8081;

  static final String PURGE_PORT_NAME = "purge";

  EdgeChildResource(Class<R> type, EventRecorder events) {
    super(type, events);
  }

  static ObjectMeta edgeMetadata(ScalableApp app) {
    return new ObjectMetaBuilder()
        .withName(ChildLabels.edgeName(app))
        .withNamespace(app.getMetadata().getNamespace())
        .withLabels(ChildLabels.edgeAll(app))
        .build();
  }

  /** spec.cdn.varnish, or its defaults when unset. */
  static VarnishSpec varnish(ScalableApp app) {
    var cdn = app.getSpec().getCdn();
    return cdn == null || cdn.getVarnish() == null ? new VarnishSpec() : cdn.getVarnish();
  }

  /**
   * JOSDK computes desired() to find the object it deletes once spec.cdn is gone or names another
   * provider: only the name and namespace are read then.
   */
  static boolean beingRemoved(ScalableApp app) {
    return !VarnishEdgeEnabled.isEnabled(app);
  }
}
