package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.PredictionStatus;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.prediction.PredictionOutcome;
import java.util.Optional;

/**
 * The fewest replicas an app should run now: while paused the held count; else the enforced
 * forecast floor (held after a failure); before this process has evaluated the app (just after a
 * restart), the enforced floor its status recorded; else replicas.min.
 */
final class ReplicaFloor {
  private ReplicaFloor() {}

  static int of(ScalableApp app, Context<ScalableApp> context) {
    Optional<Pause> pause = Pause.of(app);
    if (pause.isPresent()) {
      return pause
          .get()
          .heldReplicas(
              app, context.getSecondaryResource(Deployment.class, DeploymentDependent.NAME));
    }
    return enforced(app, context).orElse(app.getSpec().getReplicas().getMin());
  }

  /**
   * The engine's floor in force now, within replicas.min..max (a pause aside); empty while none is
   * enforced: not predicted, Shadow, demoted under Auto, a tuned policy without a floor.
   */
  static Optional<Integer> enforced(ScalableApp app, Context<ScalableApp> context) {
    Optional<PredictionOutcome> outcome = context.getSecondaryResource(PredictionOutcome.class);
    Optional<Integer> floor =
        outcome.isPresent()
            ? outcome
                .map(PredictionOutcome::recommendation)
                .filter(Recommendation::actionable)
                .map(Recommendation::floor)
            : recordedFloor(app);
    var replicas = app.getSpec().getReplicas();
    return floor.map(f -> Math.max(replicas.getMin(), Math.min(replicas.getMax(), f)));
  }

  /**
   * The floor the last evaluation enforced, as status recorded it. Without it, a restarted
   * operator's first reconciliation would lower every predicted app's floor to replicas.min until
   * the app's first evaluation.
   */
  static Optional<Integer> recordedFloor(ScalableApp app) {
    PredictionSpec.Mode mode = app.getSpec().getPrediction().getMode();
    // Under Auto the status records whether the evidence had the app enforcing.
    if ((mode != PredictionSpec.Mode.Enforce && mode != PredictionSpec.Mode.Auto)
        || app.getStatus() == null) {
      return Optional.empty();
    }
    PredictionStatus recorded = app.getStatus().getPrediction();
    return Optional.ofNullable(recorded)
        .filter(p -> "Enforce".equals(p.getMode()))
        .map(PredictionStatus::getRecommendedReplicas);
  }
}
