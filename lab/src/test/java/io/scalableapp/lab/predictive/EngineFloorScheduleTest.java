package io.scalableapp.lab.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.replay.sim.EngineFloorSchedule;
import io.scalableapp.engine.replay.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineFloorScheduleTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** 100 req/min for two hours, then 1000 req/min. */
  private static Trace stepTrace() {
    double[] demand = new double[240];
    Arrays.fill(demand, 0, 120, 100);
    Arrays.fill(demand, 120, 240, 1000);
    boolean[] observed = new boolean[demand.length];
    Arrays.fill(observed, true);
    return new Trace("step", LocalDateTime.of(2020, 1, 1, 0, 0), demand, observed);
  }

  private static AppScalingSpec spec(ForecastModel model) {
    return AppScalingSpec.builder()
        .mode(ScalingMode.ENFORCE)
        .targetPerReplica(70)
        .replicas(1, 100)
        .horizon(Duration.ofMinutes(3))
        .model(model)
        .build();
  }

  private static EngineFloorSchedule schedule(
      Trace trace,
      ForecastModel model,
      Optional<ForecastScorer> scorer,
      ForecasterFactory forecasters) {
    return new EngineFloorSchedule(
        spec(model), new ScalerState(), trace, MINUTE, scorer, forecasters);
  }

  @Test
  void floorIsTheEnginesForecastAtTheHpaTarget() {
    Trace trace = stepTrace();
    EngineFloorSchedule floor =
        schedule(trace, ForecastModel.LINEAR, Optional.empty(), ForecasterFactory.DEFAULT);

    // a flat 100 req/min forecast: ceil(100 x 1.1 headroom / 70 per replica) = 2
    assertThat(floor.minReplicasAt(trace.instant(90))).isEqualTo(2);
  }

  @Test
  void theEngineCannotSeeTheMinuteThatIsStillInProgress() {
    Trace trace = stepTrace();
    EngineFloorSchedule floor =
        schedule(trace, ForecastModel.LINEAR, Optional.empty(), ForecasterFactory.DEFAULT);

    // at 02:00:00 the 1000 req/min minute has only just begun: the floor still reflects 100 req/min
    assertThat(floor.minReplicasAt(trace.instant(120))).isEqualTo(2);
    // one minute later that minute is complete and the floor follows it
    assertThat(floor.minReplicasAt(trace.instant(121))).isGreaterThan(2);
  }

  @Test
  void keepsTheFloorBetweenEvaluations() {
    Trace trace = stepTrace();
    EngineFloorSchedule floor =
        schedule(trace, ForecastModel.LINEAR, Optional.empty(), ForecasterFactory.DEFAULT);

    int atTwoHours = floor.minReplicasAt(trace.instant(120));
    Instant halfAMinuteLater = trace.instant(121).minusSeconds(30);
    assertThat(floor.minReplicasAt(halfAMinuteLater)).isEqualTo(atTwoHours);
  }

  @Test
  void recordsTheEnginesForecastsForScoring() {
    Trace trace = stepTrace();
    ForecastScorer scorer = new ForecastScorer(trace, 60, 110, 3);
    EngineFloorSchedule floor =
        schedule(trace, ForecastModel.LINEAR, Optional.of(scorer), ForecasterFactory.DEFAULT);

    for (int m = 40; m < 110; m++) {
      floor.minReplicasAt(trace.instant(m));
    }

    ForecastScorer.Score score = scorer.score(0, 60);
    assertThat(score.scoredMinutes()).isEqualTo(48);
    assertThat(score.mapeOneStep()).isLessThan(1e-6);
  }

  @Test
  void aDegradationHookChangesTheForecastTheEngineActsOn() {
    Trace trace = stepTrace();
    // Fixed headroom: the engine's learned margin would see the bias in its errors and take most of
    // it back.
    AppScalingSpec fixedHeadroom = spec(ForecastModel.AUTO).toBuilder().marginQuantile(0).build();
    EngineFloorSchedule honest =
        new EngineFloorSchedule(
            fixedHeadroom,
            new ScalerState(),
            trace,
            MINUTE,
            Optional.empty(),
            ForecasterFactory.DEFAULT);
    EngineFloorSchedule inflated =
        new EngineFloorSchedule(
            fixedHeadroom,
            new ScalerState(),
            trace,
            MINUTE,
            Optional.empty(),
            ForecastDegradation.bias(0.5).factory());

    for (int m = 60; m < 100; m++) {
      honest.minReplicasAt(trace.instant(m));
      inflated.minReplicasAt(trace.instant(m));
    }

    // 100 req/min: honest ceil(110 / 70) = 2, inflated ceil(150 x 1.1 / 70) = 3
    assertThat(honest.minReplicasAt(trace.instant(100))).isEqualTo(2);
    assertThat(inflated.minReplicasAt(trace.instant(100))).isEqualTo(3);
  }
}
