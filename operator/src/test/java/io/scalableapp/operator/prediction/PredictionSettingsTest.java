package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.operator.api.PredictionSpec;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PredictionSettingsTest {
  private static final URI PROMETHEUS = URI.create("http://localhost:9090");

  @Test
  void everyAdmittedLookbackIsLongerThanEveryAcceptedStep() {
    assertThat(Duration.ofSeconds(PredictionSpec.MIN_LOOKBACK_SECONDS))
        .isGreaterThan(PredictionSettings.MAX_STEP);
  }

  @Test
  void refusesAStepAboveTheMaximum() {
    assertThatThrownBy(
            () -> new PredictionSettings(PROMETHEUS, Duration.ofSeconds(30), Duration.ofMinutes(6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "scalableapp.prediction.step must be whole seconds from 1s to 5m, got 6m");
  }

  @Test
  void refusesAStepPrometheusCannotTake() {
    assertThatThrownBy(
            () ->
                new PredictionSettings(PROMETHEUS, Duration.ofSeconds(30), Duration.ofMillis(1500)))
        .hasMessageContaining("scalableapp.prediction.step must be whole seconds");
  }

  @Test
  void acceptsTheBounds() {
    assertThat(
            new PredictionSettings(PROMETHEUS, Duration.ofSeconds(30), PredictionSettings.MAX_STEP)
                .step())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(
            new PredictionSettings(PROMETHEUS, Duration.ofSeconds(30), Duration.ofSeconds(1))
                .step())
        .isEqualTo(Duration.ofSeconds(1));
  }
}
