package io.scalableapp.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts the operator with the application and stops it on shutdown. */
@ApplicationScoped
public class OperatorLifecycle {
  private final KubernetesClient client;
  private final MeterRegistry registry;
  private final boolean enabled;
  private volatile Operator operator;

  public OperatorLifecycle(KubernetesClient client, MeterRegistry registry,
      @ConfigProperty(name = "scalableapp.operator.enabled", defaultValue = "true") boolean enabled) {
    this.client = client;
    this.registry = registry;
    this.enabled = enabled;
  }

  void onStart(@Observes StartupEvent event) {
    if (!enabled) {
      return;
    }
    operator = OperatorFactory.create(client, new ReconcileMetrics(registry), Clock.systemUTC());
    operator.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    if (operator != null) {
      operator.stop();
    }
  }

  /** The running operator, or null before start or when disabled. */
  Operator operator() {
    return operator;
  }
}
