package io.scalableapp.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.api.translate.AutoscalingDecision;
import io.scalableapp.operator.dependent.Rollout;
import io.scalableapp.operator.status.Conditions;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Derives an app's status from its Deployment and the outcome of the last reconciliation. */
public final class StatusAggregator {
  private StatusAggregator() {}

  public static ScalableAppStatus aggregate(
      ScalableApp app, Optional<Deployment> deployment, Optional<Exception> error, Instant now) {
    long generation = Objects.requireNonNullElse(app.getMetadata().getGeneration(), 0L);
    ScalableAppStatus previous =
        app.getStatus() == null ? new ScalableAppStatus() : app.getStatus();
    // Never Ready below replicas.min, even in the moment before the HPA raises a new Deployment to
    // it.
    int floor = app.getSpec().getReplicas().getMin();
    Rollout rollout = deployment.map(d -> Rollout.of(d, floor)).orElse(Rollout.MISSING);

    Optional<String[]> degradation =
        error
            .map(e -> new String[] {"ReconcileError", describe(e)})
            .or(() -> deployment.flatMap(StatusAggregator::deploymentFailure));
    boolean stalled = degradation.isPresent();

    List<Condition> conditions = previous.getConditions();
    // A generation the operator failed to apply is never Ready, whatever the old Deployment still
    // serves.
    conditions =
        error.isPresent()
            ? Conditions.set(
                conditions,
                Conditions.READY,
                false,
                "ReconcileError",
                "The current spec could not be applied: " + describe(error.get()),
                generation,
                now)
            : Conditions.set(
                conditions,
                Conditions.READY,
                rollout.isReady(),
                rollout.readyReason(),
                rollout.readyMessage(),
                generation,
                now);
    conditions =
        Conditions.set(
            conditions,
            Conditions.PROGRESSING,
            !rollout.isComplete(),
            rollout.progressReason(),
            rollout.progressMessage(),
            generation,
            now);
    conditions =
        Conditions.set(
            conditions,
            Conditions.DEGRADED,
            stalled,
            degradation.map(d -> d[0]).orElse("AsExpected"),
            degradation.map(d -> d[1]).orElse("No problems detected"),
            generation,
            now);
    AutoscalingDecision autoscaling = AutoscalingDecision.of(app);
    conditions =
        Conditions.set(
            conditions,
            Conditions.AUTOSCALING,
            autoscaling.active(),
            autoscaling.reason(),
            autoscaling.message(),
            generation,
            now);
    // kstatus (Flux, kubectl's status readers): Reconciling=True is InProgress, Stalled=True is
    // Failed; never both.
    boolean reconciling = !rollout.isComplete() && !stalled;
    conditions =
        Conditions.set(
            conditions,
            Conditions.RECONCILING,
            reconciling,
            stalled ? degradation.get()[0] : rollout.progressReason(),
            stalled ? "Not converging: see the Stalled condition" : rollout.progressMessage(),
            generation,
            now);
    conditions =
        Conditions.set(
            conditions,
            Conditions.STALLED,
            stalled,
            degradation.map(d -> d[0]).orElse("AsExpected"),
            degradation.map(d -> d[1]).orElse("No problems detected"),
            generation,
            now);

    ScalableAppStatus status = new ScalableAppStatus();
    // Observed even when it failed: Stalled and Ready=False then describe this generation, as
    // kstatus expects.
    status.setObservedGeneration(generation);
    status.setConditions(conditions);
    status.setReplicas(rollout.desired());
    status.setReadyReplicas(rollout.readyCount());
    status.setServiceName(app.getMetadata().getName());
    return status;
  }

  /**
   * A rollout the Deployment controller gave up on, or a ReplicaSet it could not create, degrades
   * the app.
   */
  private static Optional<String[]> deploymentFailure(Deployment deployment) {
    List<DeploymentCondition> conditions =
        deployment.getStatus() == null || deployment.getStatus().getConditions() == null
            ? List.of()
            : deployment.getStatus().getConditions();
    for (DeploymentCondition c : conditions) {
      if ("Progressing".equals(c.getType()) && "False".equals(c.getStatus())) {
        return Optional.of(new String[] {c.getReason(), c.getMessage()});
      }
      if ("ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus())) {
        return Optional.of(new String[] {"ReplicaFailure", c.getMessage()});
      }
    }
    return Optional.empty();
  }

  /**
   * One line for status and Events: the failing child and the API server's own words, never a stack
   * trace.
   */
  static String describe(Exception e) {
    String prefix = "";
    Throwable root = e;
    if (e instanceof AggregatedOperatorException aggregated
        && !aggregated.getAggregatedExceptions().isEmpty()) {
      var first = aggregated.getAggregatedExceptions().entrySet().iterator().next();
      prefix = first.getKey() + ": ";
      root = first.getValue();
    }
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof KubernetesClientException k
        && k.getStatus() != null
        && k.getStatus().getMessage() != null) {
      return prefix + k.getStatus().getMessage();
    }
    return prefix
        + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
  }
}
