package io.scalableapp.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.dependent.Pause;
import io.scalableapp.operator.events.EventRecorder;
import io.scalableapp.operator.status.Conditions;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The Paused condition, as KEDA reports it on a ScaledObject, and an Event whenever a pause starts,
 * changes or ends.
 */
final class PauseReporter {
  static final String PAUSED = "Paused";

  private PauseReporter() {}

  static void report(
      ScalableApp app,
      Optional<Deployment> deployment,
      ScalableAppStatus status,
      EventRecorder events,
      Instant now) {
    long generation = Objects.requireNonNullElse(app.getMetadata().getGeneration(), 0L);
    Optional<Condition> before =
        Optional.ofNullable(app.getStatus())
            .flatMap(s -> Conditions.find(s.getConditions(), PAUSED));
    boolean wasPaused = before.map(c -> "True".equals(c.getStatus())).orElse(false);
    Optional<Pause> pause = Pause.of(app);
    if (pause.isEmpty()) {
      status.setConditions(
          Conditions.set(
              status.getConditions(),
              PAUSED,
              false,
              "NotPaused",
              "The forecast's floor and the HPA set the replicas; annotate "
                  + Pause.PAUSED
                  + "=true or "
                  + Pause.PAUSED_REPLICAS
                  + "=<count> to hold them",
              generation,
              now));
      if (wasPaused) {
        events.normal(
            app,
            "Resumed",
            "The pause annotations were removed: the forecast's floor and the HPA "
                + "set the replicas again");
      }
      return;
    }
    Pause p = pause.get();
    String reason =
        p.problem() != null
            ? "InvalidPauseAnnotation"
            : p.replicas() != null ? "PausedAtReplicas" : "PausedAtCurrentReplicas";
    String message =
        p.describe(p.heldReplicas(app, deployment))
            + ": neither the forecast nor the HPA changes "
            + "replicas and nothing is deleted; remove the annotation to resume";
    status.setConditions(
        Conditions.set(status.getConditions(), PAUSED, true, reason, message, generation, now));
    boolean changed = !wasPaused || !before.map(Condition::getMessage).orElse("").equals(message);
    if (changed && p.problem() != null) {
      events.warning(app, "InvalidPauseAnnotation", message);
    } else if (changed) {
      events.normal(app, PAUSED, message);
    }
  }
}
