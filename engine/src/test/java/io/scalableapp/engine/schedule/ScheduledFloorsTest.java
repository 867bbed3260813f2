package io.scalableapp.engine.schedule;

import static io.scalableapp.engine.testing.SyntheticSeries.DAY;
import static io.scalableapp.engine.testing.SyntheticSeries.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.PredictiveScaler;
import io.scalableapp.engine.Reason;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.schedule.FloorSchedule.Kind;
import io.scalableapp.engine.testing.SyntheticSeries;
import io.scalableapp.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduledFloorsTest {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  /** In force from {@code start} for {@code length}. */
  private static ScheduleWindow between(Instant start, Duration length) {
    return now ->
        !now.isBefore(start) && now.isBefore(start.plus(length))
            ? Optional.of(start.plus(length))
            : Optional.empty();
  }

  private static FloorSchedule schedule(String name, Kind kind, int replicas, boolean active) {
    Instant start = active ? NOW.minusSeconds(60) : NOW.plusSeconds(3600);
    return new FloorSchedule(name, kind, replicas, between(start, Duration.ofHours(1)));
  }

  @Test
  void aRaiseInForceLiftsTheFloorAndSaysUntilWhen() {
    var a = ScheduledFloors.apply(List.of(schedule("sale", Kind.RAISE, 12, true)), 4, 2, NOW);

    assertThat(a.desired()).isEqualTo(12);
    assertThat(a.note())
        .isEqualTo("schedule sale raises the floor to 12 until 2026-11-27T09:59:00Z");
    assertThat(a.active())
        .containsExactly(
            new ActiveSchedule("sale", Kind.RAISE, 12, Instant.parse("2026-11-27T09:59:00Z")));
  }

  @Test
  void aRaiseBelowTheForecastChangesNothingButIsReportedActive() {
    var a = ScheduledFloors.apply(List.of(schedule("sale", Kind.RAISE, 3, true)), 8, 2, NOW);

    assertThat(a.desired()).isEqualTo(8);
    assertThat(a.changed(8)).isFalse();
    assertThat(a.note()).isEmpty();
    assertThat(a.active()).extracting(ActiveSchedule::name).containsExactly("sale");
  }

  @Test
  void schedulesOutsideTheirWindowAreIgnored() {
    var a =
        ScheduledFloors.apply(
            List.of(schedule("sale", Kind.RAISE, 12, false), schedule("night", Kind.CAP, 1, false)),
            4,
            2,
            NOW);

    assertThat(a.desired()).isEqualTo(4);
    assertThat(a.active()).isEmpty();
  }

  @Test
  void aCapLowersTheForecastFloorButNeverBelowReplicasMin() {
    assertThat(
            ScheduledFloors.apply(List.of(schedule("night", Kind.CAP, 5, true)), 9, 2, NOW)
                .desired())
        .isEqualTo(5);
    var belowMin = ScheduledFloors.apply(List.of(schedule("night", Kind.CAP, 0, true)), 9, 2, NOW);
    assertThat(belowMin.desired()).isEqualTo(2);
    assertThat(belowMin.note()).startsWith("schedule night caps the floor at 2");
  }

  @Test
  void theHighestRaiseBeatsTheLowestCap() {
    var a =
        ScheduledFloors.apply(
            List.of(
                schedule("night", Kind.CAP, 2, true),
                schedule("launch", Kind.RAISE, 6, true),
                schedule("tighter", Kind.CAP, 1, true),
                schedule("warmup", Kind.RAISE, 4, true)),
            9,
            1,
            NOW);

    assertThat(a.desired()).isEqualTo(6);
    assertThat(a.note())
        .isEqualTo(
            "schedule tighter caps the floor at 1 until 2026-11-27T09:59:00Z; "
                + "schedule launch raises the floor to 6 until 2026-11-27T09:59:00Z");
  }

  @Test
  void theScalerAppliesARaiseThenLetsTheFloorComeDownThroughItsLimitsWhenTheWindowEnds() {
    ManualClock clock = new ManualClock(T0.plus(Duration.ofDays(2)));
    PredictiveScaler scaler = new PredictiveScaler(clock);
    ScalerState state = new ScalerState();
    Instant start = clock.instant();
    AppScalingSpec spec =
        AppScalingSpec.builder()
            .targetPerReplica(100)
            .replicas(1, 50)
            .headroom(0)
            .horizon(Duration.ofMinutes(3))
            .lookback(Duration.ofDays(2))
            .model(ForecastModel.LINEAR)
            .scaleDownStabilization(Duration.ZERO)
            .schedules(
                List.of(
                    new FloorSchedule(
                        "launch", Kind.RAISE, 20, between(start, Duration.ofMinutes(10)))))
            .build();
    var demand = new InMemoryDemandSource(SyntheticSeries.of(4 * DAY, i -> 500));

    Recommendation during = scaler.evaluate(spec, demand, state);
    assertThat(during.floor()).isEqualTo(20);
    assertThat(during.decision().reason()).isEqualTo(Reason.SCHEDULE);
    assertThat(during.message())
        .contains("forecast peak")
        .contains("schedule launch raises the floor to 20");
    assertThat(during.activeSchedules()).extracting(ActiveSchedule::name).containsExactly("launch");

    clock.advance(Duration.ofMinutes(10));
    Recommendation after = scaler.evaluate(spec, demand, state);
    assertThat(after.activeSchedules()).isEmpty();
    assertThat(after.decision().reason())
        .isEqualTo(Reason.RATE_LIMIT); // 20 % a minute, not straight to 5
    assertThat(after.floor()).isEqualTo(16);
  }

  @Test
  void aRaiseAppliesWhileMetricsAreUnavailable() {
    ManualClock clock = new ManualClock(NOW);
    AppScalingSpec spec =
        AppScalingSpec.builder()
            .targetPerReplica(100)
            .replicas(2, 50)
            .schedules(List.of(schedule("sale", Kind.RAISE, 12, true)))
            .build();

    Recommendation r =
        new PredictiveScaler(clock)
            .evaluate(
                spec,
                (from, to, step) -> {
                  throw new IllegalStateException("Prometheus is down");
                },
                new ScalerState());

    assertThat(r.metricsAvailable()).isFalse();
    assertThat(r.floor()).isEqualTo(12);
    assertThat(r.decision().reason()).isEqualTo(Reason.SCHEDULE);
    assertThat(r.message())
        .contains("metrics unavailable")
        .contains("schedule sale raises the floor to 12");
  }
}
