package io.scalableapp.operator.api;

import java.util.Map;

/** Labels shared by every object made for an app; the selector part must never change once a Deployment exists. */
public final class ChildLabels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String OPERATOR = "scalableapp-operator";
  /** Informers cache only the operator's own children, not every Deployment in the cluster. */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + OPERATOR;

  private ChildLabels() {}

  public static Map<String, String> selector(ScalableApp app) {
    return Map.of(NAME, app.getMetadata().getName(), INSTANCE, app.getMetadata().getName());
  }

  public static Map<String, String> all(ScalableApp app) {
    return Map.of(NAME, app.getMetadata().getName(), INSTANCE, app.getMetadata().getName(), MANAGED_BY, OPERATOR);
  }
}
