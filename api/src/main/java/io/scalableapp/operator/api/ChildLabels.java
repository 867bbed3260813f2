package io.scalableapp.operator.api;

import java.util.Map;

/**
 * Labels shared by every object made for an app; the selector part must never change once a
 * Deployment exists.
 */
public final class ChildLabels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String OPERATOR = "scalableapp-operator";

  /** Informers cache only the operator's own children, not every Deployment in the cluster. */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + OPERATOR;

  public static final String COMPONENT = "app.kubernetes.io/component";

  /** The component label of the Varnish edge's objects (spec.cdn with provider varnish). */
  public static final String EDGE_COMPONENT = "cdn-edge";

  /**
   * The app's own children: the edge's Deployment, Service and HPA are of the same kinds and owned
   * by the same app, so each informer keeps to its own, and a lookup of "the app's Deployment"
   * finds exactly one.
   */
  public static final String APP_CHILDREN_SELECTOR =
      MANAGED_SELECTOR + "," + COMPONENT + " notin (" + EDGE_COMPONENT + ")";

  public static final String EDGE_SELECTOR =
      MANAGED_SELECTOR + "," + COMPONENT + "=" + EDGE_COMPONENT;

  private ChildLabels() {}

  public static Map<String, String> selector(ScalableApp app) {
    return Map.of(NAME, app.getMetadata().getName(), INSTANCE, app.getMetadata().getName());
  }

  /**
   * The edge pods' selector: never matches the app's pods, so the app's Service never sends traffic
   * to the edge.
   */
  public static Map<String, String> edgeSelector(ScalableApp app) {
    return Map.of(NAME, edgeName(app), INSTANCE, app.getMetadata().getName());
  }

  public static Map<String, String> edgeAll(ScalableApp app) {
    return Map.of(
        NAME,
        edgeName(app),
        INSTANCE,
        app.getMetadata().getName(),
        MANAGED_BY,
        OPERATOR,
        COMPONENT,
        EDGE_COMPONENT);
  }

  /** Name of the edge's Deployment, Service, ConfigMap and HPA. */
  public static String edgeName(ScalableApp app) {
    return app.getMetadata().getName() + "-edge";
  }

  public static Map<String, String> all(ScalableApp app) {
    return Map.of(
        NAME,
        app.getMetadata().getName(),
        INSTANCE,
        app.getMetadata().getName(),
        MANAGED_BY,
        OPERATOR);
  }
}
