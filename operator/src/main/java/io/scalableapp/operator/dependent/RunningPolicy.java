package io.scalableapp.operator.dependent;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.scalableapp.engine.auto.TunedPolicy;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.api.translate.TuningSpecs;
import io.scalableapp.operator.api.translate.TuningText;
import io.scalableapp.operator.prediction.PredictionOutcome;
import java.util.Optional;

/**
 * The HPA policy (CPU target, scale-down window) that runs: the user's as written, unless
 * spec.autoscaling.tuning is in mode Apply and a validated search chose another; before this
 * process has searched (just after a restart), the policy status recorded as running.
 */
final class RunningPolicy {
  private RunningPolicy() {}

  static TunedPolicy of(ScalableApp app, Context<ScalableApp> context) {
    TunedPolicy user = TuningSpecs.user(app);
    if (!TuningSpecs.applies(app)) {
      return user;
    }
    return context
        .getSecondaryResource(PredictionOutcome.class)
        .map(PredictionOutcome::tuning)
        .map(v -> v.running())
        .or(
            () ->
                TuningText.recordedRunning(
                    Optional.ofNullable(app.getStatus())
                        .map(ScalableAppStatus::getTuning)
                        .orElse(null)))
        .orElse(user);
  }
}
