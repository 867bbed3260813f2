package io.scalableapp.engine;

import static io.scalableapp.engine.testing.SyntheticSeries.DAY;
import static io.scalableapp.engine.testing.SyntheticSeries.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.engine.decision.SurgeHold;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.testing.SyntheticSeries;
import io.scalableapp.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The surge hold inside the engine's pipeline, on an injected clock. */
class SurgeHoldEvaluationTest {

  /**
   * Two days of flat 1000 per minute, then one minute of 3000 (stamped at its end, 2 days + 1 min).
   */
  private static final int SPIKE_MINUTE = 2 * DAY + 1;

  private static final Instant SPIKE_AT = T0.plus(Duration.ofMinutes(SPIKE_MINUTE));
  private static final DemandSource DEMAND =
      new InMemoryDemandSource(SyntheticSeries.of(3 * DAY, i -> i == SPIKE_MINUTE ? 3000 : 1000));

  private final ManualClock clock = new ManualClock(SPIKE_AT);
  private final PredictiveScaler scaler = new PredictiveScaler(clock);

  private static AppScalingSpec.Builder spec() {
    return AppScalingSpec.builder()
        .mode(ScalingMode.ENFORCE)
        .targetPerReplica(100)
        .replicas(1, 50)
        .horizon(Duration.ofMinutes(3))
        .lookback(Duration.ofDays(2))
        .model(ForecastModel.LINEAR);
  }

  private static final AppScalingSpec WITH_HOLD =
      spec().surgeHold(new SurgeHold(1.43, Duration.ofHours(1))).build();

  @Test
  void aJumpRaisesTheFloorToTheRecentPeakAndSaysWhyUntilTheHoldEnds() {
    ScalerState state = new ScalerState();

    Recommendation r = scaler.evaluate(WITH_HOLD, DEMAND, state);

    assertThat(r.decision().reason()).isEqualTo(Reason.SURGE_HOLD);
    assertThat(r.floor()).isEqualTo(30); // 3000 / 100 per replica
    assertThat(r.message())
        .contains(
            "surge hold: 30 replicas for the peak 3000 of the last 1h, 60 more min "
                + "after a 3.00x jump");

    clock.advance(Duration.ofMinutes(59));
    Recommendation stillHeld = scaler.evaluate(WITH_HOLD, DEMAND, state);
    assertThat(stillHeld.floor()).isEqualTo(30);
    assertThat(stillHeld.message()).contains("1 more min");

    clock.advance(Duration.ofMinutes(1));
    Recommendation released = scaler.evaluate(WITH_HOLD, DEMAND, state);
    assertThat(released.decision().reason()).isNotEqualTo(Reason.SURGE_HOLD);
    assertThat(released.message()).doesNotContain("surge hold");
  }

  @Test
  void withoutTheSettingTheSameJumpOnlyMovesTheForecast() {
    Recommendation r = scaler.evaluate(spec().build(), DEMAND, new ScalerState());

    assertThat(r.decision().reason()).isNotEqualTo(Reason.SURGE_HOLD);
    assertThat(r.floor()).isLessThan(30);
  }

  @Test
  void aRestartedEngineRecomputesTheHoldFromTheHistory() {
    ScalerState before = new ScalerState();
    scaler.evaluate(WITH_HOLD, DEMAND, before);
    clock.advance(Duration.ofMinutes(20));
    int held = scaler.evaluate(WITH_HOLD, DEMAND, before).floor();

    ScalerState restarted =
        scaler.restore(
            before.snapshot(), new io.scalableapp.engine.decision.ReadyLatencyEstimator());
    ScalerState fresh = new ScalerState();
    clock.advance(Duration.ofMinutes(1));

    assertThat(scaler.evaluate(WITH_HOLD, DEMAND, restarted).floor()).isEqualTo(held);
    assertThat(scaler.evaluate(WITH_HOLD, DEMAND, fresh).floor())
        .as("even with no saved state")
        .isEqualTo(held);
  }

  @Test
  void theHoldMustFitInTheFetchedHistory() {
    assertThatThrownBy(
            () ->
                spec()
                    .lookback(Duration.ofHours(1))
                    .surgeHold(new SurgeHold(1.43, Duration.ofHours(1)))
                    .build())
        .hasMessageContaining("must fit in lookback");
  }
}
