package io.scalableapp.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.FloorDecision;
import io.scalableapp.engine.ForecastAccuracy;
import io.scalableapp.engine.ForecastSummary;
import io.scalableapp.engine.Reason;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.auto.AutoVerdict;
import io.scalableapp.engine.auto.AutoVerdict.Outcome;
import io.scalableapp.engine.auto.ReplayEvidence;
import io.scalableapp.engine.replay.frontier.SameCost;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.AutoModeStatus;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.events.RecordedEvents;
import io.scalableapp.operator.prediction.AutoModeText;
import io.scalableapp.operator.prediction.PredictionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoModeReporterTest {
  private static final Instant NOW = Instant.parse("2026-01-08T10:00:00.500Z");
  private static final ReplayEvidence EVIDENCE =
      new ReplayEvidence(
          NOW.minus(Duration.ofDays(6)),
          NOW,
          10080,
          new SameCost(410.3, 12, 57, SameCost.Position.WITHIN_FRONTIER),
          60,
          395);

  private static ScalableApp autoApp() {
    ScalableApp app = TestApps.predicted("shop", "prod", 10);
    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Auto);
    return app;
  }

  private static AutoVerdict verdict(Instant at, ScalingMode mode, Outcome outcome) {
    return new AutoVerdict(
        at, mode, outcome, Optional.of(EVIDENCE), Duration.ofDays(7), Duration.ofDays(2), "");
  }

  private static PredictionOutcome outcome(AutoVerdict verdict) {
    Recommendation r =
        new Recommendation(
            NOW,
            verdict.mode(),
            verdict.mode() == ScalingMode.ENFORCE,
            new FloorDecision(3, 3, 3, Reason.FORECAST),
            new ForecastSummary(30, 28, null, "", Duration.ofMinutes(3), null),
            new ForecastAccuracy(0.1, 40),
            true,
            "why",
            List.of());
    return new PredictionOutcome(r, null, verdict, null);
  }

  /**
   * Reports {@code outcome} as the reconciler does, then stores the status as the API server would.
   */
  private static void reconcile(ScalableApp app, PredictionOutcome outcome, RecordedEvents events) {
    ScalableAppStatus status = new ScalableAppStatus();
    PredictionReporter.report(app, Optional.of(outcome), status, events, NOW);
    app.setStatus(status);
  }

  @Test
  void aPromotionIsOneEventWithTheFiguresThenTheFloorItAppliesAndStatusShowsTheEvidence() {
    ScalableApp app = autoApp();
    RecordedEvents events = new RecordedEvents();
    PredictionOutcome promoted = outcome(verdict(NOW, ScalingMode.ENFORCE, Outcome.PROMOTED));

    reconcile(app, promoted, events);
    reconcile(app, promoted, events);

    assertThat(events.normals)
        .containsExactly(
            "PredictionPromoted: mode Auto promoted the app to Enforce: the "
                + "forecast floor beat the HPA at the same cost on the app's own history: forecast floor 12.0 "
                + "under-provisioned min, 410.3 replica-h; same-cost HPA 57.0 min (-79 %); HPA alone 60.0 min, 395.0 "
                + "replica-h (forecast +4 % replica-h); over the last 6d (10080 points)",
            "FloorRaised: Raised replica floor from 1 to 3 (Forecast): why");
    AutoModeStatus s = app.getStatus().getPrediction().getAutoMode();
    assertThat(s.getEffectiveMode()).isEqualTo("Enforce");
    assertThat(s.getReason()).isEqualTo("Promoted");
    assertThat(s.getSince()).isEqualTo("2026-01-08T10:00:00Z");
    assertThat(s.getWindow()).isEqualTo("6d");
    assertThat(s.getPoints()).isEqualTo(10080);
    assertThat(s.getForecastUnderProvisionedMinutes()).isEqualTo("12.00");
    assertThat(s.getSameCostHpaUnderProvisionedMinutes()).isEqualTo("57.00");
    assertThat(s.getReductionPercent()).isEqualTo("78.95");
    assertThat(s.getExtraCostPercent()).isEqualTo("3.87");
    assertThat(s.getHistory()).isEqualTo("7d of 2d needed");
    assertThat(app.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Predicting");
              assertThat(c.getMessage())
                  .isEqualTo(
                      "The last evaluation completed; mode Auto runs it in Enforce (Promoted)");
            });
  }

  @Test
  void sinceKeepsWhenTheAppEnteredItsModeAndADemotionIsAnEvent() {
    ScalableApp app = autoApp();
    RecordedEvents events = new RecordedEvents();
    reconcile(app, outcome(verdict(NOW, ScalingMode.ENFORCE, Outcome.PROMOTED)), events);
    Instant later = NOW.plus(Duration.ofHours(1));
    reconcile(app, outcome(verdict(later, ScalingMode.ENFORCE, Outcome.STILL_BEATING)), events);
    assertThat(app.getStatus().getPrediction().getAutoMode().getSince())
        .isEqualTo("2026-01-08T10:00:00Z");

    reconcile(
        app,
        outcome(verdict(later.plus(Duration.ofHours(1)), ScalingMode.SHADOW, Outcome.DEMOTED)),
        events);

    assertThat(events.normals)
        .filteredOn(e -> e.startsWith("Prediction"))
        .hasSize(2)
        .last()
        .asString()
        .startsWith(
            "PredictionDemoted: mode Auto demoted the app "
                + "to Shadow: the forecast floor no longer beats the HPA at the same cost");
    assertThat(app.getStatus().getPrediction().getAutoMode().getSince())
        .isEqualTo("2026-01-08T12:00:00Z");
  }

  @Test
  void aFailedReplayIsOneWarningAndStatusKeepsTheModeAndTheLastFigures() {
    ScalableApp app = autoApp();
    RecordedEvents events = new RecordedEvents();
    AutoVerdict failed =
        new AutoVerdict(
            NOW,
            ScalingMode.SHADOW,
            Outcome.FAILED,
            Optional.of(EVIDENCE),
            Duration.ofDays(7),
            Duration.ofDays(2),
            "replaying the demand history failed: boom");
    reconcile(app, outcome(failed), events);
    reconcile(
        app,
        outcome(
            new AutoVerdict(
                NOW.plusSeconds(300),
                ScalingMode.SHADOW,
                Outcome.FAILED,
                Optional.of(EVIDENCE),
                Duration.ofDays(7),
                Duration.ofDays(2),
                "replaying the demand history failed: boom")),
        events);

    assertThat(events.warnings)
        .containsExactly(
            "AutoEvidenceFailed: mode Auto keeps Shadow: replaying the demand "
                + "history failed: boom; retried automatically");
    assertThat(events.normals).isEmpty();
    assertThat(app.getStatus().getPrediction().getAutoMode().getReason())
        .isEqualTo("EvaluationFailed");
    assertThat(app.getStatus().getPrediction().getAutoMode().getForecastUnderProvisionedMinutes())
        .isEqualTo("12.00");
  }

  @Test
  void tooLittleHistorySaysHowMuchThereIsAndIsNeeded() {
    AutoVerdict waiting =
        new AutoVerdict(
            NOW,
            ScalingMode.SHADOW,
            Outcome.INSUFFICIENT_HISTORY,
            Optional.empty(),
            Duration.ofHours(5),
            Duration.ofDays(2),
            "");
    assertThat(AutoModeText.message(waiting))
        .isEqualTo(
            "keeps Shadow: the app has 5h of demand history, a "
                + "verdict needs 2d (the first half warms the replayed forecast up, the rest is scored)");
  }

  @Test
  void beforeThisProcessJudgedTheAppStatusKeepsWhatWasRecorded() {
    ScalableApp app = autoApp();
    RecordedEvents events = new RecordedEvents();
    reconcile(app, outcome(verdict(NOW, ScalingMode.ENFORCE, Outcome.PROMOTED)), events);
    AutoModeStatus recorded = app.getStatus().getPrediction().getAutoMode();
    List<String> told = List.copyOf(events.normals);

    reconcile(
        app,
        new PredictionOutcome(
            outcome(verdict(NOW, ScalingMode.ENFORCE, Outcome.PROMOTED)).recommendation(),
            null,
            null,
            null),
        events);

    assertThat(app.getStatus().getPrediction().getAutoMode()).isEqualTo(recorded);
    assertThat(events.normals).as("nothing new to tell").isEqualTo(told);
  }

  @Test
  void whenNeitherFallsShortTheFiguresSayNoChange() {
    ReplayEvidence none =
        new ReplayEvidence(
            NOW.minus(Duration.ofDays(2)),
            NOW,
            4320,
            new SameCost(672, 0, 0, SameCost.Position.WITHIN_FRONTIER),
            0,
            672);
    assertThat(AutoModeText.figures(none))
        .isEqualTo(
            "forecast floor 0.0 under-provisioned min, 672.0 replica-h; "
                + "same-cost HPA 0.0 min (+0 %); HPA alone 0.0 min, 672.0 replica-h (forecast +0 % replica-h); over the last "
                + "2d (4320 points)");
  }
}
