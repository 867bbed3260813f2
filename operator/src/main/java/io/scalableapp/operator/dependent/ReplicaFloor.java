package io.scalableapp.operator.dependent;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.operator.api.ScalableApp;

/** The fewest replicas an app should run now: the enforced forecast floor, else replicas.min. */
final class ReplicaFloor {
  private ReplicaFloor() {}

  static int of(ScalableApp app, Context<ScalableApp> context) {
    var replicas = app.getSpec().getReplicas();
    return context.getSecondaryResource(Recommendation.class)
        .filter(Recommendation::actionable)
        .map(r -> Math.max(replicas.getMin(), Math.min(replicas.getMax(), r.floor())))
        .orElse(replicas.getMin());
  }
}
