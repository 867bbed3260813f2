package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.Reason;
import io.scalableapp.engine.FloorDecision;
import io.scalableapp.engine.ForecastSummary;
import io.scalableapp.engine.ForecastAccuracy;
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
    return new Recommendation(time, ScalingMode.ENFORCE, true,
        new FloorDecision(floor, floor, floor, Reason.FORECAST),
        new ForecastSummary(20, 15, ForecastModel.HOLT_WINTERS, "alpha=0.3", Duration.ofMinutes(3), null),
        new ForecastAccuracy(0, 40), true, "why", List.of());
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
    assertThat(new PredictionOutcome(floor(NOW.plusSeconds(30), 2), failure).repeats(last)).isFalse();
    assertThat(PredictionOutcome.of(floor(NOW, 2)).repeats(null)).isFalse();
  }
}
