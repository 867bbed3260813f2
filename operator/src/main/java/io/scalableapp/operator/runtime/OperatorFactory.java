package io.scalableapp.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.scalableapp.operator.prediction.PredictionService;
import io.scalableapp.operator.reconciler.ScalableAppReconciler;
import java.time.Clock;
import java.util.Set;

/** Builds the operator; shared by the Quarkus application and the integration tests so both run the same wiring. */
public final class OperatorFactory {
  private OperatorFactory() {}

  /** @param namespaces the namespaces to watch; empty watches the whole cluster */
  public static Operator create(KubernetesClient client, Metrics metrics, MeterRegistry registry,
      PredictionService prediction, Clock clock, Set<String> namespaces) {
    Operator operator = new Operator(overrider -> overrider
        .withKubernetesClient(client)
        .withMetrics(metrics)
        // The client belongs to whoever passed it in (Quarkus or a test), so stopping must not close it.
        .withCloseClientOnStop(false));
    EventRecorder events = EventRecorders.register(client, new EventRecorder(client, clock, registry));
    operator.register(new ScalableAppReconciler(clock, prediction, events),
        config -> {
          if (!namespaces.isEmpty()) {
            config.settingNamespaces(namespaces);
          }
        });
    return operator;
  }
}
