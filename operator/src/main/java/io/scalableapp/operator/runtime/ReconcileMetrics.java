package io.scalableapp.operator.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;

/** Reconciliation counts, durations and errors, exported on the operator's Prometheus endpoint. */
public class ReconcileMetrics implements Metrics {
  private final MeterRegistry registry;

  public ReconcileMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void reconciliationStarted(HasMetadata resource, Map<String, Object> metadata) {
    Counter.builder("scalableapp_reconciliations_started")
        .description("Reconciliations started, by resource kind")
        .tag("kind", resource.getKind())
        .register(registry)
        .increment();
  }

  @Override
  public void reconciliationSucceeded(HasMetadata resource, Map<String, Object> metadata) {
    Counter.builder("scalableapp_reconciliations_succeeded")
        .description("Reconciliations that completed without an error, by resource kind")
        .tag("kind", resource.getKind())
        .register(registry)
        .increment();
  }

  @Override
  public void reconciliationFailed(
      HasMetadata resource, RetryInfo retry, Exception e, Map<String, Object> metadata) {
    Counter.builder("scalableapp_reconciliations_failed")
        .description(
            "Reconciliations that failed and will be retried with backoff, by resource kind and exception")
        .tags("kind", resource.getKind(), "exception", e.getClass().getSimpleName())
        .register(registry)
        .increment();
  }

  @Override
  public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "success";
    try {
      return execution.execute();
    } catch (Exception e) {
      outcome = "failure";
      throw e;
    } finally {
      sample.stop(
          Timer.builder("scalableapp_reconciliation_duration")
              .description("Time the controller spent in one reconciliation or cleanup, by outcome")
              .tags(
                  "controller",
                  execution.controllerName(),
                  "operation",
                  execution.name(),
                  "outcome",
                  outcome)
              .register(registry));
    }
  }
}
