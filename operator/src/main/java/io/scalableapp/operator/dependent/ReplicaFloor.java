package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.reconciler.ScalableAppReconciler;
import io.scalableapp.operator.prediction.PredictionOutcome;
import java.util.Optional;

/**
 * The fewest replicas an app should run now: while paused the held count; else the enforced forecast floor (held
 * after a failure), else replicas.min.
 */
final class ReplicaFloor {
  private ReplicaFloor() {}

  static int of(ScalableApp app, Context<ScalableApp> context) {
    Optional<Pause> pause = Pause.of(app);
    if (pause.isPresent()) {
      return pause.get().heldReplicas(app, context.getSecondaryResource(Deployment.class, ScalableAppReconciler.DEPLOYMENT));
    }
    var replicas = app.getSpec().getReplicas();
    return context.getSecondaryResource(PredictionOutcome.class)
        .map(PredictionOutcome::recommendation)
        .filter(Recommendation::actionable)
        .map(r -> Math.max(replicas.getMin(), Math.min(replicas.getMax(), r.floor())))
        .orElse(replicas.getMin());
  }
}
