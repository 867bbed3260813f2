package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.scalableapp.operator.api.ScalableApp;
import java.util.Objects;

/**
 * Where an app's Deployment rollout stands, from its status: what the app's Ready and Progressing
 * conditions say, and whether a rollout is over for the CDN's purge on rollout.
 */
public record Rollout(
    boolean exists,
    boolean observed,
    boolean paused,
    int desired,
    int updated,
    int readyCount,
    int total) {
  public static final Rollout MISSING = new Rollout(false, false, false, 0, 0, 0, 0);

  public static Rollout of(Deployment d, int floor) {
    DeploymentStatus s = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    boolean observed =
        s.getObservedGeneration() != null
            && s.getObservedGeneration()
                >= Objects.requireNonNullElse(d.getMetadata().getGeneration(), 0L);
    int desired = Math.max(floor, Objects.requireNonNullElse(d.getSpec().getReplicas(), 1));
    // `kubectl rollout pause deployment/<app>` is the user's; the operator never applies
    // spec.paused.
    boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
    return new Rollout(
        true,
        observed,
        paused,
        desired,
        orZero(s.getUpdatedReplicas()),
        orZero(s.getReadyReplicas()),
        orZero(s.getReplicas()));
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  public boolean isComplete() {
    return exists && observed && updated >= desired && total == updated && readyCount >= desired;
  }

  public boolean isReady() {
    return isComplete() && desired > 0;
  }

  public String readyReason() {
    if (!exists) return "DeploymentMissing";
    if (isReady()) return "AllReplicasReady";
    return isComplete() ? "ScaledToZero" : "ReplicasNotReady";
  }

  public String readyMessage() {
    if (!exists) return "The Deployment has not been created yet";
    return readyCount + " of " + desired + " replicas ready";
  }

  /** RolloutPaused is what Argo CD's health check reports as Suspended. */
  public String progressReason() {
    if (paused) return "RolloutPaused";
    return isComplete() ? "RolloutComplete" : "RollingOut";
  }

  public String progressMessage() {
    if (paused)
      return "The Deployment's rollout is paused (kubectl rollout resume deployment/<name> resumes it); "
          + updated
          + " of "
          + desired
          + " replicas run the current spec, "
          + readyCount
          + " ready";
    if (!exists) return "Creating the Deployment";
    if (!observed) return "Waiting for the Deployment controller to see the new spec";
    return updated + " of " + desired + " replicas run the current spec, " + readyCount + " ready";
  }

  /**
   * The app's rollout is over: the Deployment controller has seen the current template and every
   * replica runs it and is ready (the same judgement as the Progressing condition).
   */
  public static boolean complete(ScalableApp app, Deployment deployment) {
    return of(deployment, app.getSpec().getReplicas().getMin()).isComplete();
  }
}
