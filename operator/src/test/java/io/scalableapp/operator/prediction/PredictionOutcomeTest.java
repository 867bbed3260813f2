package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.FloorDecision;
import io.scalableapp.engine.ForecastAccuracy;
import io.scalableapp.engine.ForecastSummary;
import io.scalableapp.engine.Reason;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.forecast.ForecastModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionOutcomeTest {
  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

  private static Recommendation floor(Instant time, int floor) {
    return new Recommendation(
        time,
        ScalingMode.ENFORCE,
        true,
        new FloorDecision(floor, floor, floor, Reason.FORECAST),
        new ForecastSummary(
            20, 15, ForecastModel.HOLT_WINTERS, "alpha=0.3", Duration.ofMinutes(3), null),
        new ForecastAccuracy(0, 40),
        true,
        "why",
        List.of());
  }

  @Test
  void theSameRecommendationLaterRepeatsTheLastOutcome() {
    PredictionOutcome last = PredictionOutcome.of(floor(NOW, 2));

    assertThat(PredictionOutcome.of(floor(NOW.plusSeconds(30), 2)).repeats(last)).isTrue();
  }

  @Test
  void anotherFloorAFailureOrNoPreviousOutcomeIsNews() {
    PredictionOutcome last = PredictionOutcome.of(floor(NOW, 2));
    var failure = new PredictionFailure(PredictionFailure.Kind.EvaluationFailed, "boom");

    assertThat(PredictionOutcome.of(floor(NOW.plusSeconds(30), 3)).repeats(last)).isFalse();
    assertThat(new PredictionOutcome(floor(NOW.plusSeconds(30), 2), failure).repeats(last))
        .isFalse();
    assertThat(PredictionOutcome.of(floor(NOW, 2)).repeats(null)).isFalse();
  }

  /**
   * A new step of demand rescored the backtests (model detail), scored one more forecast and moved
   * the forecast in its third decimal: nothing a reconciliation reports changed, so the app is not
   * reconciled (before, every predicted app was, once a minute).
   */
  @Test
  void anOutcomeThatChangesNothingReportedRepeatsTheLastOne() {
    PredictionOutcome last = PredictionOutcome.of(floor(NOW, 2));
    Recommendation rescored =
        new Recommendation(
            NOW.plusSeconds(60),
            ScalingMode.ENFORCE,
            true,
            new FloorDecision(2, 1, 2, Reason.FORECAST),
            new ForecastSummary(
                20.001,
                15.004,
                ForecastModel.HOLT_WINTERS,
                "alpha=0.31 (backtest 0.12)",
                Duration.ofMinutes(3),
                null),
            new ForecastAccuracy(0, 41),
            true,
            "why",
            List.of());

    assertThat(PredictionOutcome.of(rescored).repeats(last)).isTrue();
  }

  @Test
  void aReportedFigureThatMovesIsNews() {
    PredictionOutcome last = PredictionOutcome.of(floor(NOW, 2));
    Recommendation moved =
        new Recommendation(
            NOW.plusSeconds(60),
            ScalingMode.ENFORCE,
            true,
            new FloorDecision(2, 2, 2, Reason.FORECAST),
            new ForecastSummary(
                20, 15.5, ForecastModel.HOLT_WINTERS, "alpha=0.3", Duration.ofMinutes(3), null),
            new ForecastAccuracy(0, 40),
            true,
            "why",
            List.of());

    assertThat(PredictionOutcome.of(moved).repeats(last)).isFalse();
  }
}
