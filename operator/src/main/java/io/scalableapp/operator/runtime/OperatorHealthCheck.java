package io.scalableapp.operator.runtime;

import io.javaoperatorsdk.operator.Operator;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the operator runs and every informer is connected to the API server. */
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
    boolean healthy = operator != null && operator.getRuntimeInfo().allEventSourcesAreHealthy();
    return HealthCheckResponse.named("operator").status(healthy).build();
  }
}
