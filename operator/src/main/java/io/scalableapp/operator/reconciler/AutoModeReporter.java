package io.scalableapp.operator.reconciler;

import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.auto.AutoVerdict;
import io.scalableapp.engine.text.DurationText;
import io.scalableapp.operator.api.AutoModeStatus;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.PredictionStatus;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.events.EventRecorder;
import io.scalableapp.operator.prediction.AutoModeText;
import io.scalableapp.operator.prediction.PredictionOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * prediction.mode Auto in status and Events: the mode it chose, the figures behind it, and every
 * switch.
 */
final class AutoModeReporter {
  static final String PROMOTED = "PredictionPromoted";
  static final String DEMOTED = "PredictionDemoted";
  static final String EVIDENCE_FAILED = "AutoEvidenceFailed";

  private AutoModeReporter() {}

  /**
   * The autoMode part of status: the outcome's verdict, or before this process judged the app (just
   * after a restart) what status recorded, which is also what the restarted operator runs the app
   * in.
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
    s.setMessage(AutoModeText.message(v));
    s.setEvaluatedAt(time(v.at()));
    s.setHistory(
        DurationText.format(v.held()) + " of " + DurationText.format(v.needed()) + " needed");
    v.evidence()
        .ifPresent(
            e -> {
              s.setWindow(DurationText.format(e.scored()));
              s.setPoints(e.points());
              s.setForecastUnderProvisionedMinutes(number(e.forecast().underProvisionedMinutes()));
              s.setForecastReplicaHours(number(e.forecast().replicaHours()));
              s.setSameCostHpaUnderProvisionedMinutes(
                  number(e.forecast().frontierUnderProvisionedMinutes()));
              s.setHpaUnderProvisionedMinutes(number(e.reactiveUnderProvisionedMinutes()));
              s.setHpaReplicaHours(number(e.reactiveReplicaHours()));
              s.setReductionPercent(
                  Double.isFinite(e.reduction()) ? number(e.reduction() * 100) : null);
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
    return s == null
        ? ""
        : "; mode Auto runs it in " + s.getEffectiveMode() + " (" + s.getReason() + ")";
  }

  private static Optional<AutoModeStatus> recorded(ScalableApp app) {
    return Optional.ofNullable(app.getStatus())
        .map(s -> s.getPrediction())
        .map(PredictionStatus::getAutoMode);
  }

  /** Kept from status while the mode holds, so it says when the app entered its mode. */
  private static String sinceOf(ScalableApp app, AutoVerdict v) {
    Optional<AutoModeStatus> before = recorded(app);
    if (before.isPresent()
        && modeName(v.mode()).equals(before.get().getEffectiveMode())
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
    return AutoModeText.modeName(mode);
  }

  private static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : null;
  }
}
