package io.scalableapp.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.scalableapp.operator.cdn.CdnSettings;
import io.scalableapp.operator.prediction.PredictionService;
import io.scalableapp.operator.prediction.PredictionSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;

/** Starts the operator with the application and stops it on shutdown. */
@ApplicationScoped
public class OperatorLifecycle {
  private final KubernetesClient client;
  private final MeterRegistry registry;
  private final OperatorConfig config;
  private final PredictionSettings settings;
  private final LeaderElectionSettings election;
  private final CdnSettings cdn;
  private volatile Operator operator;
  private volatile PredictionService prediction;

  public OperatorLifecycle(
      KubernetesClient client,
      MeterRegistry registry,
      OperatorConfig config,
      PrometheusConfig prometheus,
      PredictionConfig prediction,
      LeaderElectionConfig election,
      CdnConfig cdn) {
    this.client = client;
    this.registry = registry;
    this.config = config;
    this.settings = prediction.settings(prometheus.url());
    this.election = election.settings();
    this.cdn = cdn.settings();
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    WatchScope scope = config.scope();
    prediction =
        new PredictionService(settings, client, scope.namespaces(), registry, Clock.systemUTC());
    prediction.start();
    operator =
        OperatorFactory.create(
            client,
            registry,
            prediction,
            Clock.systemUTC(),
            scope,
            config.threads(),
            election,
            cdn);
    operator.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    if (operator != null) {
      operator.stop();
    }
    if (prediction != null) {
      prediction.close();
    }
  }

  /** The running operator, or null before start or when disabled. */
  Operator operator() {
    return operator;
  }
}
