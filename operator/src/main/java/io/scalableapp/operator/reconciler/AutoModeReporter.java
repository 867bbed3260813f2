package io.scalableapp.operator.reconciler;

import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.auto.AutoVerdict;
import io.scalableapp.engine.auto.ReplayEvidence;
import io.scalableapp.engine.replay.frontier.SameCost;
import io.scalableapp.operator.api.AutoModeStatus;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.PredictionStatus;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.prediction.DurationText;
import io.scalableapp.operator.prediction.PredictionOutcome;
import io.scalableapp.operator.runtime.EventRecorder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** prediction.mode Auto in status and Events: the mode it chose, the figures behind it, and every switch. */
final class AutoModeReporter {
  static final String PROMOTED = "PredictionPromoted";
  static final String DEMOTED = "PredictionDemoted";
  static final String EVIDENCE_FAILED = "AutoEvidenceFailed";

  private AutoModeReporter() {}

  /**
   * The autoMode part of status: the outcome's verdict, or before this process judged the app (just after a restart)
   * what status recorded, which is also what the restarted operator runs the app in.
   */
  static AutoModeStatus status(ScalableApp app, PredictionOutcome outcome) {
    if (app.getSpec().getPrediction().getMode() != PredictionSpec.Mode.Auto) {
      return null;
    }
    if (outcome.autoMode() == null) {
      return recorded(app).orElse(null);
    }
    AutoVerdict v = outcome.autoMode();
    AutoModeStatus s = new AutoModeStatus();
    s.setEffectiveMode(modeName(v.mode()));
    s.setSince(sinceOf(app, v));
    s.setReason(reason(v.outcome()));
    s.setMessage(message(v));
    s.setEvaluatedAt(time(v.at()));
    s.setHistory(DurationText.format(v.held()) + " of " + DurationText.format(v.needed()) + " needed");
    v.evidence().ifPresent(e -> {
      s.setWindow(DurationText.format(e.scored()));
      s.setPoints(e.points());
      s.setForecastUnderProvisionedMinutes(number(e.forecast().underProvisionedMinutes()));
      s.setForecastReplicaHours(number(e.forecast().replicaHours()));
      s.setSameCostHpaUnderProvisionedMinutes(number(e.forecast().frontierUnderProvisionedMinutes()));
      s.setHpaUnderProvisionedMinutes(number(e.reactiveUnderProvisionedMinutes()));
      s.setHpaReplicaHours(number(e.reactiveReplicaHours()));
      s.setReductionPercent(Double.isFinite(e.reduction()) ? number(e.reduction() * 100) : null);
      s.setExtraCostPercent(number(e.extraCost() * 100));
    });
    return s;
  }

  /** A Normal Event for each promotion and demotion, a Warning when judging starts failing. */
  static void recordEvents(ScalableApp app, AutoModeStatus fresh, EventRecorder events) {
    if (fresh == null) {
      return;
    }
    Optional<AutoModeStatus> before = recorded(app);
    if (before.map(b -> fresh.getEvaluatedAt().equals(b.getEvaluatedAt())).orElse(false)) {
      return; // this verdict was reported already
    }
    String wasMode = before.map(AutoModeStatus::getEffectiveMode).orElse("Shadow");
    if (!wasMode.equals(fresh.getEffectiveMode())) {
      boolean promoted = "Enforce".equals(fresh.getEffectiveMode());
      events.normal(app, promoted ? PROMOTED : DEMOTED, "mode Auto " + fresh.getMessage());
    } else if (reason(AutoVerdict.Outcome.FAILED).equals(fresh.getReason())
        && !before.map(b -> fresh.getReason().equals(b.getReason())).orElse(false)) {
      events.warning(app, EVIDENCE_FAILED, "mode Auto " + fresh.getMessage());
    }
  }

  /** What the Predicting condition adds under mode Auto. */
  static String conditionNote(AutoModeStatus s) {
    return s == null ? "" : "; mode Auto runs it in " + s.getEffectiveMode() + " (" + s.getReason() + ")";
  }

  static String message(AutoVerdict v) {
    String mode = modeName(v.mode());
    return switch (v.outcome()) {
      case PROMOTED -> "promoted the app to Enforce: the forecast floor beat the HPA at the same cost on the app's "
          + "own history: " + figures(v.evidence().orElseThrow());
      case DEMOTED -> "demoted the app to Shadow: the forecast floor no longer beats the HPA at the same cost on the "
          + "app's own history: " + figures(v.evidence().orElseThrow());
      case STILL_BEATING -> "keeps Enforce: " + figures(v.evidence().orElseThrow());
      case NOT_BEATING -> "keeps Shadow: the forecast floor does not beat the HPA at the same cost by the promotion "
          + "margin: " + figures(v.evidence().orElseThrow());
      case INSUFFICIENT_HISTORY -> "keeps " + mode + ": the app has " + DurationText.format(v.held())
          + " of demand history, a verdict needs " + DurationText.format(v.needed())
          + " (the first half warms the replayed forecast up, the rest is scored)";
      case NO_HPA -> "keeps " + mode + ": no HPA runs for the app (see the Autoscaling condition), so there is no "
          + "reactive baseline to compare the forecast with";
      case FAILED -> "keeps " + mode + ": " + v.problem() + "; retried automatically";
    };
  }

  /** E.g. "forecast floor 12.0 under-provisioned min, 410.3 replica-h; same-cost HPA 57.0 min (-79 %); ...". */
  static String figures(ReplayEvidence e) {
    SameCost c = e.forecast();
    String change = Double.isFinite(e.reduction())
        ? String.format(Locale.ROOT, "%+.0f %%", -e.reduction() * 100) : "none missed by the HPA";
    String comparable = switch (c.position()) {
      case WITHIN_FRONTIER -> "";
      case CHEAPER_THAN_FRONTIER -> ", compared with the HPA at 80 %, which costs more";
      case COSTLIER_THAN_FRONTIER -> ", costlier than the HPA at 40 %, so not comparable";
    };
    return String.format(Locale.ROOT, "forecast floor %.1f under-provisioned min, %.1f replica-h; same-cost HPA "
            + "%.1f min (%s%s); HPA alone %.1f min, %.1f replica-h (forecast %+.0f %% replica-h); over the last %s "
            + "(%d points)", c.underProvisionedMinutes(), c.replicaHours(), c.frontierUnderProvisionedMinutes(),
        change, comparable, e.reactiveUnderProvisionedMinutes(), e.reactiveReplicaHours(), e.extraCost() * 100,
        DurationText.format(e.scored()), e.points());
  }

  private static Optional<AutoModeStatus> recorded(ScalableApp app) {
    return Optional.ofNullable(app.getStatus()).map(s -> s.getPrediction()).map(PredictionStatus::getAutoMode);
  }

  /** Kept from status while the mode holds, so it says when the app entered its mode. */
  private static String sinceOf(ScalableApp app, AutoVerdict v) {
    Optional<AutoModeStatus> before = recorded(app);
    if (before.isPresent() && modeName(v.mode()).equals(before.get().getEffectiveMode())
        && before.get().getSince() != null) {
      return before.get().getSince();
    }
    return v.changedMode() ? time(v.at()) : null;
  }

  static String reason(AutoVerdict.Outcome outcome) {
    return switch (outcome) {
      case PROMOTED -> "Promoted";
      case DEMOTED -> "Demoted";
      case STILL_BEATING -> "StillBeating";
      case NOT_BEATING -> "NotBeating";
      case INSUFFICIENT_HISTORY -> "InsufficientHistory";
      case NO_HPA -> "NoHorizontalPodAutoscaler";
      case FAILED -> "EvaluationFailed";
    };
  }

  private static String modeName(ScalingMode mode) {
    return mode == ScalingMode.ENFORCE ? "Enforce" : "Shadow";
  }

  private static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : null;
  }
}
