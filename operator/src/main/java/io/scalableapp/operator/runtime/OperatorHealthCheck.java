package io.scalableapp.operator.runtime;

import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the operator runs and every informer has synced and is watching the API server.
 * JOSDK's own health stays up once an informer has synced, so an API server outage would go
 * unreported; here it turns readiness off until the watches are back (liveness stays up: a restart
 * would not help).
 */
@Readiness
@ApplicationScoped
public class OperatorHealthCheck implements HealthCheck {
  private final OperatorLifecycle lifecycle;

  public OperatorHealthCheck(OperatorLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public HealthCheckResponse call() {
    Operator operator = lifecycle.operator();
    if (operator == null) {
      return HealthCheckResponse.named("operator").down().withData("reason", "not started").build();
    }
    List<String> notWatching =
        informers(operator).entrySet().stream()
            .filter(
                e ->
                    !(e.getValue().isRunning()
                        && e.getValue().hasSynced()
                        && e.getValue().isWatching()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    boolean healthy =
        operator.getRuntimeInfo().allEventSourcesAreHealthy() && notWatching.isEmpty();
    var response = HealthCheckResponse.named("operator").status(healthy);
    if (!notWatching.isEmpty()) {
      response.withData("notWatching", String.join(", ", notWatching));
    }
    return response.build();
  }

  /** Every informer of every controller, by event source and namespace. */
  @SuppressWarnings("unchecked")
  private static Map<String, InformerHealthIndicator> informers(Operator operator) {
    var result = new java.util.TreeMap<String, InformerHealthIndicator>();
    operator
        .getRuntimeInfo()
        .getRegisteredControllers()
        .forEach(
            c ->
                c.getControllerHealthInfo()
                    .informerEventSourceHealthIndicators()
                    .forEach(
                        (source, indicator) -> {
                          // JOSDK returns the indicator as a raw type.
                          Map<String, InformerHealthIndicator> byNamespace =
                              indicator.informerHealthIndicators();
                          byNamespace.forEach(
                              (namespace, informer) ->
                                  result.put(source + "/" + namespace, informer));
                        }));
    return result;
  }
}
