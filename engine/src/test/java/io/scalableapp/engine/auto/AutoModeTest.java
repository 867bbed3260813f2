package io.scalableapp.engine.auto;

import static io.scalableapp.engine.auto.HistoryReplayTest.evidence;
import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.auto.AutoVerdict.Outcome;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.testing.SyntheticSeries;
import io.scalableapp.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AutoModeTest {

  private static final AutoModeSettings SETTINGS = AutoModeSettings.defaults();

  @Nested
  class Hysteresis {

    @Test
    void shadowIsPromotedOnlyFromTheHigherMargin() {
      assertThat(AutoMode.decide(ScalingMode.SHADOW, evidence(80, 100, 100, 100), SETTINGS))
          .isEqualTo(Outcome.PROMOTED);
      assertThat(AutoMode.decide(ScalingMode.SHADOW, evidence(95, 100, 100, 100), SETTINGS))
          .as("5 %% better is below the 10 %% promotion margin")
          .isEqualTo(Outcome.NOT_BEATING);
    }

    @Test
    void enforceIsKeptAboveTheLowerMarginAndDemotedBelowIt() {
      assertThat(AutoMode.decide(ScalingMode.ENFORCE, evidence(95, 100, 100, 100), SETTINGS))
          .as("between the margins the mode stays")
          .isEqualTo(Outcome.STILL_BEATING);
      assertThat(AutoMode.decide(ScalingMode.ENFORCE, evidence(105, 100, 100, 100), SETTINGS))
          .isEqualTo(Outcome.DEMOTED);
    }

    @Test
    void aWinBoughtWithTooManyReplicaHoursDoesNotCount() {
      assertThat(AutoMode.decide(ScalingMode.SHADOW, evidence(10, 100, 130, 100), SETTINGS))
          .as("30 %% more replica-hours than the HPA alone")
          .isEqualTo(Outcome.NOT_BEATING);
      assertThat(AutoMode.decide(ScalingMode.ENFORCE, evidence(10, 100, 130, 100), SETTINGS))
          .isEqualTo(Outcome.DEMOTED);
    }

    @Test
    void whenNeitherFallsShortTheForecastHasNotEarnedEnforce() {
      assertThat(AutoMode.decide(ScalingMode.SHADOW, evidence(0, 0, 100, 100), SETTINGS))
          .isEqualTo(Outcome.NOT_BEATING);
      assertThat(AutoMode.decide(ScalingMode.ENFORCE, evidence(0, 0, 100, 100), SETTINGS))
          .isEqualTo(Outcome.STILL_BEATING);
    }
  }

  private final ManualClock clock = new ManualClock(Instant.parse("2024-01-05T00:00:00Z"));
  private final AutoMode auto = new AutoMode(clock, SETTINGS, ForecasterFactory.DEFAULT);

  @Test
  void tooLittleHistoryKeepsShadowAndSaysHowMuchThereIsAndIsNeeded() {
    AutoModeState state = auto.newState();
    assertThat(auto.due(state)).isTrue();

    AutoVerdict verdict =
        auto.evaluate(
            state,
            HistoryReplayTest.spec(10),
            SyntheticSeries.flat(600, 100),
            70,
            new ReadyLatencyEstimator());

    assertThat(verdict.outcome()).isEqualTo(Outcome.INSUFFICIENT_HISTORY);
    assertThat(verdict.mode()).isEqualTo(ScalingMode.SHADOW);
    assertThat(verdict.held()).isEqualTo(Duration.ofMinutes(600));
    assertThat(verdict.needed()).isEqualTo(Duration.ofDays(2));
    assertThat(state.mode()).isEqualTo(ScalingMode.SHADOW);
  }

  @Test
  void aDailyJumpIsPromotedThenJudgedAgainOnlyAfterTheCadence() {
    AutoModeState state = auto.newState();

    AutoVerdict verdict =
        auto.evaluate(
            state,
            HistoryReplayTest.spec(30),
            HistoryReplayTest.officeHours(),
            70,
            new ReadyLatencyEstimator());

    assertThat(verdict.outcome()).isEqualTo(Outcome.PROMOTED);
    assertThat(state.mode()).isEqualTo(ScalingMode.ENFORCE);
    assertThat(state.since()).contains(clock.instant());
    assertThat(verdict.evidence())
        .hasValueSatisfying(e -> assertThat(e.reduction()).isGreaterThan(0.10));
    assertThat(auto.due(state)).isFalse();
    clock.advance(Duration.ofMinutes(59));
    assertThat(auto.due(state)).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(auto.due(state)).isTrue();
  }

  @Test
  void aFailedReplayKeepsTheModeAndTheLastEvidenceAndIsRetriedSooner() {
    Instant promotedAt = Instant.parse("2024-01-04T00:00:00Z");
    AutoModeState state =
        new AutoModeState(ScalingMode.ENFORCE, Optional.of(promotedAt), clock.instant());

    AutoVerdict verdict = auto.failed(state, "boom");

    assertThat(verdict.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(verdict.problem()).isEqualTo("boom");
    assertThat(state.mode()).isEqualTo(ScalingMode.ENFORCE);
    assertThat(state.since()).contains(promotedAt);
    clock.advance(SETTINGS.retryAfterFailure());
    assertThat(auto.due(state)).isTrue();
  }

  @Test
  void withoutAnHpaThereIsNoBaselineSoTheModeStays() {
    assertThat(auto.withoutHpa(auto.newState()).mode()).isEqualTo(ScalingMode.SHADOW);

    AutoModeState enforcing =
        new AutoModeState(ScalingMode.ENFORCE, Optional.empty(), clock.instant());
    AutoVerdict verdict = auto.withoutHpa(enforcing);

    assertThat(verdict.outcome()).isEqualTo(Outcome.NO_HPA);
    assertThat(enforcing.mode())
        .as("without an HPA a demotion would drop running pods at once")
        .isEqualTo(ScalingMode.ENFORCE);
  }
}
