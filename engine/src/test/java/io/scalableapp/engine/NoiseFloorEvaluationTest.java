package io.scalableapp.engine;

import static io.scalableapp.engine.testing.SyntheticSeries.DAY;
import static io.scalableapp.engine.testing.SyntheticSeries.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.engine.floor.FloorFamily;
import io.scalableapp.engine.floor.NoiseFloorRule;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.testing.SyntheticSeries;
import io.scalableapp.engine.time.ManualClock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A spec with a noise floor on the recent level: the engine runs it in the forecast floor's place.
 */
class NoiseFloorEvaluationTest {

  private static final NoiseFloorRule RULE =
      NoiseFloorRule.sqrtNoise(FloorFamily.RECENT_LEVEL, 0.9, Duration.ZERO);
  private final ManualClock clock = new ManualClock(T0.plus(Duration.ofDays(2)));
  private final PredictiveScaler scaler = new PredictiveScaler(clock);
  private final ScalerState state = new ScalerState();

  /** 100 a minute, 120 every fifth minute. */
  private final InMemoryDemandSource demand =
      new InMemoryDemandSource(SyntheticSeries.of(4 * DAY, m -> m % 5 == 0 ? 120 : 100));

  private static AppScalingSpec.Builder spec() {
    return AppScalingSpec.builder()
        .mode(ScalingMode.ENFORCE)
        .targetPerReplica(7)
        .targetUtilization(0.7)
        .replicas(1, 50)
        .horizon(Duration.ofMinutes(2))
        .lookback(Duration.ofDays(2));
  }

  private static int errors(Recommendation r) {
    Matcher m = Pattern.compile("learned from (\\d+) errors").matcher(r.message());
    assertThat(m.find()).as(r.message()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void theFloorHoldsTheRecentLevelPlusTheLearnedNoiseAtFullCapacityFromTheFirstEvaluation() {
    Recommendation r = scaler.evaluate(spec().noiseFloor(RULE).build(), demand, state);

    // Level 104 (nine 120s in the last 45 minutes), p90 error +16 over a 2-minute span: hold 120 at
    // 10 a replica.
    assertThat(r.decision().reason()).as(r.message()).isEqualTo(Reason.NOISE_FLOOR);
    assertThat(r.floor()).isEqualTo(12);
    assertThat(r.actionable()).isTrue();
    assertThat(r.forecast().peak()).as("no forecast is made").isNaN();
    assertThat(r.forecast().model()).isNull();
    assertThat(r.message()).contains("recent level + p90 noise x level^0.5", "recent level 104");
    assertThat(errors(r)).as("a day of spans learned from the fetched history").isGreaterThan(1400);

    Recommendation forecast =
        new PredictiveScaler(clock).evaluate(spec().headroom(0).build(), demand, new ScalerState());
    assertThat(forecast.decision().reason())
        .as("without the rule, the forecast floor")
        .isEqualTo(Reason.FORECAST);
  }

  @Test
  void evaluationsFasterThanTheStepLearnNothingTwiceAndANewStepAddsItsSpan() {
    AppScalingSpec spec = spec().noiseFloor(RULE).build();
    int first = errors(scaler.evaluate(spec, demand, state));
    clock.advance(Duration.ofSeconds(20));
    assertThat(errors(scaler.evaluate(spec, demand, state))).isEqualTo(first);
    clock.advance(Duration.ofSeconds(40));
    int next = errors(scaler.evaluate(spec, demand, state));
    assertThat(next)
        .as("one span ends; none ages out of a week-long window over two days of history")
        .isEqualTo(first + 1);
    assertThat(
            scaler
                .evaluate(
                    spec.toBuilder()
                        .noiseFloor(
                            NoiseFloorRule.sqrtNoise(FloorFamily.RECENT_LEVEL, 0.5, Duration.ZERO))
                        .build(),
                    demand,
                    state)
                .decision()
                .desired())
        .as("a new rule learns afresh: the median holds the level's 100")
        .isEqualTo(10);
  }

  @Test
  void aForecastFamilyCannotRunLive() {
    assertThatThrownBy(
            () ->
                spec()
                    .noiseFloor(NoiseFloorRule.sqrtNoise(FloorFamily.FORECAST, 0.9, Duration.ZERO))
                    .build())
        .hasMessageContaining("runs on the recent level");
  }
}
