package io.scalableapp.operator.dependent;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.scalableapp.operator.api.ScalableApp;

/** The fewest replicas an app should run now: replicas.min. */
final class ReplicaFloor {
  private ReplicaFloor() {}

  static int of(ScalableApp app, Context<ScalableApp> context) {
    return app.getSpec().getReplicas().getMin();
  }
}
