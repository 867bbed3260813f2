package io.scalableapp.operator.runtime;

import java.util.Optional;
import java.util.Set;

/**
 * Which ScalableApps one operator instance reconciles; several instances with disjoint scopes split
 * a cluster.
 *
 * @param namespaces the namespaces to watch; empty watches the whole cluster
 * @param labelSelector only ScalableApps matching it are reconciled (sharding a fleet by label)
 */
public record WatchScope(Set<String> namespaces, Optional<String> labelSelector) {
  public WatchScope {
    namespaces = Set.copyOf(namespaces);
    labelSelector = labelSelector.filter(s -> !s.isBlank());
  }

  public static WatchScope of(Set<String> namespaces) {
    return new WatchScope(namespaces, Optional.empty());
  }
}
