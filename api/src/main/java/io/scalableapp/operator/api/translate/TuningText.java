package io.scalableapp.operator.api.translate;

import io.scalableapp.engine.auto.PolicyChoice;
import io.scalableapp.engine.auto.PolicyFigures;
import io.scalableapp.engine.auto.TunedPolicy;
import io.scalableapp.engine.auto.TuningVerdict;
import io.scalableapp.engine.text.DurationText;
import io.scalableapp.operator.api.TuningPolicyStatus;
import io.scalableapp.operator.api.TuningStatus;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Policy tuning's verdicts in words, for status, Events, the log and the what-if alike. */
public final class TuningText {
  private TuningText() {}

  /**
   * E.g. "HPA at 85 %, 30 min scale-down window, no floor" or "..., RecentLevelNoise floor (recent
   * level + ...)".
   */
  public static String policy(TunedPolicy p) {
    return "HPA at "
        + p.targetPercent()
        + " %, "
        + DurationText.format(p.scaleDownWindow())
        + " scale-down window, "
        + (p.reactive()
            ? "no floor"
            : p.floor() + " floor" + (p.knobs().isEmpty() ? "" : " (" + p.knobs() + ")"));
  }

  public static String message(TuningVerdict v) {
    return switch (v.outcome()) {
      case SEARCHED ->
          v.choice()
              .map(
                  c ->
                      (c.applied()
                              ? "runs " + policy(c.chosen().policy()) + ": "
                              : "keeps " + policy(c.user().policy()) + ": ")
                          + c.verdict()
                          + "; "
                          + figures(c))
              .orElseThrow();
      case INSUFFICIENT_HISTORY ->
          "keeps "
              + policy(v.running())
              + ": the app has "
              + DurationText.format(v.held())
              + " of demand history, a search needs "
              + DurationText.format(v.needed())
              + " (warm-up, training as long as the validation, and the validation)";
      case NO_HPA ->
          "keeps "
              + policy(v.running())
              + ": no HPA runs for the app (see the Autoscaling condition)";
      case FAILED ->
          "keeps " + policy(v.running()) + ": " + v.problem() + "; retried automatically";
    };
  }

  /** The three replays on both parts of the history. */
  public static String figures(PolicyChoice c) {
    return String.format(
        Locale.ROOT,
        "on training (%s) / validation (%s): your HPA %s; same-cost envelope (%s) %s; "
            + "chosen (%s) %s; budget %.1f replica-h",
        DurationText.format(Duration.between(c.trainFrom(), c.validateFrom())),
        DurationText.format(Duration.between(c.validateFrom(), c.to())),
        pair(c.user()),
        policy(c.envelope().policy()),
        pair(c.envelope()),
        policy(c.chosen().policy()),
        pair(c.chosen()),
        c.budgetReplicaHours());
  }

  private static String pair(PolicyChoice.Scored s) {
    return figure(s.training()) + " / " + figure(s.validation());
  }

  private static String figure(PolicyFigures f) {
    return String.format(
        Locale.ROOT, "%.1f min, %.1f replica-h", f.underProvisionedMinutes(), f.replicaHours());
  }

  public static TuningPolicyStatus status(TunedPolicy p) {
    TuningPolicyStatus s = new TuningPolicyStatus();
    s.setTargetCPUUtilizationPercentage(p.targetPercent());
    s.setScaleDownStabilizationSeconds((int) p.scaleDownWindow().toSeconds());
    s.setFloor(p.floor());
    return s;
  }

  public static TuningPolicyStatus status(PolicyChoice.Scored scored) {
    TuningPolicyStatus s = status(scored.policy());
    s.setTrainingUnderProvisionedMinutes(number(scored.training().underProvisionedMinutes()));
    s.setTrainingReplicaHours(number(scored.training().replicaHours()));
    s.setValidationUnderProvisionedMinutes(number(scored.validation().underProvisionedMinutes()));
    s.setValidationReplicaHours(number(scored.validation().replicaHours()));
    return s;
  }

  /** The running policy status recorded, if it is complete. */
  public static Optional<TunedPolicy> recordedRunning(TuningStatus recorded) {
    return Optional.ofNullable(recorded)
        .map(TuningStatus::getRunning)
        .filter(
            r ->
                r.getTargetCPUUtilizationPercentage() != null
                    && r.getTargetCPUUtilizationPercentage() > 0
                    && r.getScaleDownStabilizationSeconds() != null
                    && r.getScaleDownStabilizationSeconds() >= 0
                    && r.getFloor() != null)
        .map(
            r ->
                new TunedPolicy(
                    r.getTargetCPUUtilizationPercentage(),
                    Duration.ofSeconds(r.getScaleDownStabilizationSeconds()),
                    r.getFloor(),
                    ""));
  }

  static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : null;
  }
}
