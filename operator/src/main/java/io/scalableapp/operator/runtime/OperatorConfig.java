package io.scalableapp.operator.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** What this instance reconciles (scalableapp.operator.*). */
@ConfigMapping(prefix = "scalableapp.operator")
public interface OperatorConfig {
  /** Off: the application starts without the operator (tests that only need Quarkus). */
  @WithDefault("true")
  boolean enabled();

  /** Namespaces to watch, comma-separated; unset watches the whole cluster. */
  Optional<Set<String>> namespaces();

  /**
   * Only ScalableApps matching this label selector; several instances with disjoint selectors split
   * a fleet.
   */
  Optional<String> labelSelector();

  /**
   * JOSDK's reconciliation threads; unset: {@link ReconcilerThreads#DEFAULT_RECONCILIATIONS} (the
   * default lives there, beside why).
   */
  OptionalInt reconciliationThreads();

  /**
   * JOSDK's workflow threads, which apply the dependents; unset: {@link
   * ReconcilerThreads#DEFAULT_WORKFLOWS}.
   */
  OptionalInt workflowThreads();

  default ReconcilerThreads threads() {
    return new ReconcilerThreads(
        reconciliationThreads().orElse(ReconcilerThreads.DEFAULT_RECONCILIATIONS),
        workflowThreads().orElse(ReconcilerThreads.DEFAULT_WORKFLOWS));
  }

  default WatchScope scope() {
    return new WatchScope(namespaces().orElse(Set.of()), labelSelector());
  }
}
