package io.scalableapp.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.FloorDecision;
import io.scalableapp.engine.ForecastAccuracy;
import io.scalableapp.engine.ForecastSummary;
import io.scalableapp.engine.Reason;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionStatus;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.events.RecordedEvents;
import io.scalableapp.operator.prediction.PredictionFailure;
import io.scalableapp.operator.prediction.PredictionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredictionReporterTest {
  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00.123Z");

  private static Recommendation recommendation(boolean metricsAvailable, Reason reason) {
    return recommendation(NOW, new FloorDecision(3, 7, 7, reason), metricsAvailable);
  }

  /** An applied decision at {@code at}; the forecast figures are the same in every test. */
  private static Recommendation recommendation(
      Instant at, FloorDecision decision, boolean metricsAvailable) {
    return new Recommendation(
        at,
        ScalingMode.ENFORCE,
        true,
        decision,
        new ForecastSummary(
            123.456, 99.5, ForecastModel.HOLT_WINTERS, "alpha=0.3", Duration.ofMinutes(3), null),
        new ForecastAccuracy(0.12, 40),
        metricsAvailable,
        "why",
        List.of());
  }

  @Test
  void explainsTheDecisionInStatus() {
    PredictionStatus s = PredictionReporter.status(recommendation(true, Reason.RATE_LIMIT));

    assertThat(s.getMode()).isEqualTo("Enforce");
    assertThat(s.getForecast()).isEqualTo("99.50");
    assertThat(s.getForecastPeak()).isEqualTo("123.46");
    assertThat(s.getHorizon()).isEqualTo("3m");
    assertThat(s.getRecommendedReplicas()).isEqualTo(7);
    assertThat(s.getModel()).isEqualTo("HOLT_WINTERS");
    assertThat(s.getRecentErrorPercent()).isEqualTo("12.00");
    assertThat(s.getLastDecision().getFrom()).isEqualTo(3);
    assertThat(s.getLastDecision().getTo()).isEqualTo(7);
    assertThat(s.getLastDecision().getReason()).isEqualTo("RateLimit");
    assertThat(s.getLastDecision().getTime()).isEqualTo("2026-01-01T10:00:00Z");
  }

  @Test
  void anEvaluationRepeatingTheLastDecisionLeavesTheStatusAsItWas() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.setStatus(new ScalableAppStatus());
    app.getStatus().setPrediction(PredictionReporter.status(recommendation(true, Reason.FORECAST)));
    Recommendation later =
        new Recommendation(
            NOW.plusSeconds(30),
            ScalingMode.ENFORCE,
            true,
            new FloorDecision(3, 7, 7, Reason.FORECAST),
            new ForecastSummary(
                123.456,
                99.5,
                ForecastModel.HOLT_WINTERS,
                "alpha=0.3",
                Duration.ofMinutes(3),
                null),
            new ForecastAccuracy(0.12, 40),
            true,
            "why",
            List.of());
    Recommendation changed =
        new Recommendation(
            NOW.plusSeconds(30),
            ScalingMode.ENFORCE,
            true,
            new FloorDecision(3, 8, 8, Reason.FORECAST),
            new ForecastSummary(
                140.0, 99.5, ForecastModel.HOLT_WINTERS, "alpha=0.3", Duration.ofMinutes(3), null),
            new ForecastAccuracy(0.12, 40),
            true,
            "why",
            List.of());

    PredictionStatus repeated =
        PredictionReporter.unlessSameDecision(app, PredictionReporter.status(later));
    PredictionStatus moved =
        PredictionReporter.unlessSameDecision(app, PredictionReporter.status(changed));

    assertThat(repeated).isEqualTo(app.getStatus().getPrediction());
    assertThat(repeated.getLastDecision().getTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(moved.getLastDecision().getTime()).isEqualTo("2026-01-01T10:00:30Z");
    assertThat(moved.getRecommendedReplicas()).isEqualTo(8);
  }

  @Test
  void metricsConditionFollowsTheRecommendation() {
    var unavailable =
        PredictionReporter.metricsCondition(List.of(), recommendation(false, Reason.HOLD), 1, NOW);

    assertThat(unavailable)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo("MetricsAvailable");
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getMessage()).isEqualTo("why");
            });
  }

  @Test
  void turningPredictionOffDropsTheMetricsCondition() {
    ScalableApp app = TestApps.app("shop", "prod");
    ScalableAppStatus status = new ScalableAppStatus();
    status.setConditions(
        PredictionReporter.metricsCondition(
            List.of(), recommendation(true, Reason.FORECAST), 1, NOW));

    PredictionReporter.report(
        app,
        Optional.of(PredictionOutcome.of(recommendation(true, Reason.FORECAST))),
        status,
        null,
        NOW);

    assertThat(status.getConditions()).isEmpty();
    assertThat(status.getPrediction()).isNull();
  }

  @Test
  void aFailedEvaluationSetsPredictingFalseAndKeepsTheMetricsCondition() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().getPrediction().setMode(io.scalableapp.operator.api.PredictionSpec.Mode.Enforce);
    ScalableAppStatus status = new ScalableAppStatus();
    status.setConditions(
        PredictionReporter.metricsCondition(
            List.of(), recommendation(true, Reason.FORECAST), 1, NOW));
    var failure =
        new PredictionFailure(
            PredictionFailure.Kind.EvaluationFailed, "the evaluation failed: boom");
    var events = new RecordedEvents();

    PredictionReporter.report(
        app,
        Optional.of(new PredictionOutcome(recommendation(false, Reason.HOLD), failure)),
        status,
        events,
        NOW);

    assertThat(status.getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Predicting");
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo("EvaluationFailed");
              assertThat(c.getMessage()).startsWith("the evaluation failed: boom");
            });
    assertThat(status.getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("MetricsAvailable");
              assertThat(c.getStatus()).isEqualTo("True");
            });
    assertThat(status.getPrediction().getLastDecision().getReason()).isEqualTo("Hold");
    assertThat(events.warnings).containsExactly("PredictionFailed: the evaluation failed: boom");
  }

  /** An Auto app whose status holds a floor recommended in Shadow (not applied). */
  private static ScalableApp autoAppRecommendingInShadow() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().getPrediction().setMode(io.scalableapp.operator.api.PredictionSpec.Mode.Auto);
    app.setStatus(new ScalableAppStatus());
    PredictionStatus recommended = PredictionReporter.status(recommendation(true, Reason.FORECAST));
    recommended.setMode("Shadow");
    app.getStatus().setPrediction(recommended);
    return app;
  }

  /** An applied noise-floor decision at {@code at}, from the engine's {@code previous}. */
  private static Recommendation noiseFloorApplied(Instant at, int previous, int floor) {
    return recommendation(at, new FloorDecision(previous, floor, floor, Reason.NOISE_FLOOR), true);
  }

  /**
   * A recommended floor that starts to apply (Auto promoting, or a tuned policy switching a floor
   * on) moves the HPA's floor from replicas.min, even when the number matches the recommendation.
   */
  @Test
  void theFirstAppliedFloorIsReportedAsAMoveFromReplicasMin() {
    ScalableApp app = autoAppRecommendingInShadow();
    Recommendation applied = noiseFloorApplied(NOW.plusSeconds(30), 7, 7);
    var events = new RecordedEvents();

    PredictionReporter.report(
        app, Optional.of(PredictionOutcome.of(applied)), new ScalableAppStatus(), events, NOW);
    app.getStatus().getPrediction().setMode("Enforce");
    PredictionReporter.report(
        app, Optional.of(PredictionOutcome.of(applied)), new ScalableAppStatus(), events, NOW);

    assertThat(events.normals)
        .as("once: an applied floor that stays where it was is no news")
        .containsExactly(
            "FloorRaised: Raised replica floor from "
                + app.getSpec().getReplicas().getMin()
                + " to 7 (NoiseFloor): why");
  }

  /**
   * A spec change evaluates the app at once, maybe within the second of a periodic evaluation:
   * status keeps whole seconds, yet the second decision is news of its own.
   */
  @Test
  void aDifferentDecisionWithinTheSameSecondIsStillReported() {
    ScalableApp app = autoAppRecommendingInShadow();
    Recommendation appliedInTheSameSecond = noiseFloorApplied(NOW.plusMillis(400), 7, 9);
    var events = new RecordedEvents();
    ScalableAppStatus status = new ScalableAppStatus();

    PredictionReporter.report(
        app, Optional.of(PredictionOutcome.of(appliedInTheSameSecond)), status, events, NOW);
    app.setStatus(status);
    PredictionReporter.report(
        app,
        Optional.of(PredictionOutcome.of(appliedInTheSameSecond)),
        new ScalableAppStatus(),
        events,
        NOW);

    assertThat(events.normals)
        .as("reported once, then recognised as reported")
        .containsExactly(
            "FloorRaised: Raised replica floor from "
                + app.getSpec().getReplicas().getMin()
                + " to 9 (NoiseFloor): why");
  }
}
