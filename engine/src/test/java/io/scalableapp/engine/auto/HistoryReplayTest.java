package io.scalableapp.engine.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.forecast.Seasonality;
import io.scalableapp.engine.replay.frontier.FrontierPoint;
import io.scalableapp.engine.replay.frontier.ReactiveFrontier;
import io.scalableapp.engine.replay.frontier.SameCost;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.testing.NasaTrace;
import io.scalableapp.engine.testing.SyntheticSeries;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryReplayTest {

  private static final HistoryReplay REPLAY = new HistoryReplay(ForecasterFactory.DEFAULT);
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  static AppScalingSpec spec(double targetPerReplica) {
    return AppScalingSpec.builder()
        .targetPerReplica(targetPerReplica)
        .replicas(1, 200)
        .step(Duration.ofMinutes(1))
        .lookback(Duration.ofDays(7))
        .seasonality(Seasonality.DAILY)
        .targetUtilization(0.7)
        .build();
  }

  /** Four days of NASA (7 to 10 August 1995), weekdays with sharp morning ramps. */
  static Series nasaFourDays() {
    Series nasa = NasaTrace.load();
    int from = NasaTrace.minuteIndex(NasaTrace.at("1995-08-07 00:00:00"));
    return nasa.slice(from, from + 4 * 1440);
  }

  /**
   * Quiet nights and a tenfold jump at 08:00 every day: no target or window anticipates it, a daily
   * forecast does.
   */
  static Series officeHours() {
    return SyntheticSeries.of(
        4 * 1440,
        m ->
            (m % 1440 >= 8 * 60 && m % 1440 < 18 * 60 ? 600 : 60) * (1 + 0.05 * Math.sin(m * 0.7)));
  }

  @Test
  void
      onRealDailyTrafficTheForecastFloorBeatsTheHpaAtItsTargetButNotTheEnvelopeWhereLongerWindowsCount() {
    long start = System.nanoTime();
    ReplayEvidence evidence =
        REPLAY.replay(
            spec(1.5), nasaFourDays(), 70, new ReadyLatencyEstimator(), DAY, FIVE_MINUTES);
    System.out.printf(
        "NASA 3 d scored: forecast %.1f min %.1f rh; same-cost HPA %.1f min (%s); HPA at 70 %%: %.1f min %.1f rh; reduction %.3f extra cost %.3f; %d ms%n",
        evidence.forecast().underProvisionedMinutes(),
        evidence.forecast().replicaHours(),
        evidence.forecast().frontierUnderProvisionedMinutes(),
        evidence.forecast().position(),
        evidence.reactiveUnderProvisionedMinutes(),
        evidence.reactiveReplicaHours(),
        evidence.reduction(),
        evidence.extraCost(),
        (System.nanoTime() - start) / 1_000_000);
    assertThat(evidence.scored()).isEqualTo(Duration.ofDays(3));
    assertThat(evidence.points()).isEqualTo(4 * 1440);
    assertThat(evidence.reactiveUnderProvisionedMinutes())
        .as("the HPA alone falls short on the ramps")
        .isGreaterThan(0);
    assertThat(evidence.forecast().underProvisionedMinutes())
        .as("fewer misses than the app's own HPA")
        .isLessThan(evidence.reactiveUnderProvisionedMinutes());
    // The scaling lab's finding, now Auto's too: at the same cost a longer scale-down window does
    // better.
    assertThat(evidence.forecast().frontierUnderProvisionedMinutes())
        .isLessThan(evidence.forecast().underProvisionedMinutes());
    assertThat(evidence.beats(0.10, 0.25)).isFalse();
  }

  @Test
  void aDailyJumpTheHpaCannotSeeComingIsBeatenByTheForecastEvenAgainstTheEnvelope() {
    ReplayEvidence evidence =
        REPLAY.replay(spec(30), officeHours(), 70, new ReadyLatencyEstimator(), DAY, FIVE_MINUTES);
    assertThat(evidence.forecast().position())
        .isNotEqualTo(SameCost.Position.COSTLIER_THAN_FRONTIER);
    assertThat(evidence.beats(0.10, 0.25)).as("reduction %s", evidence.reduction()).isTrue();
  }

  @Test
  void onAFlatSeriesTheHpaAloneIsEnoughAndTheForecastDoesNotBeatIt() {
    ReplayEvidence evidence =
        REPLAY.replay(
            spec(10),
            SyntheticSeries.flat(3 * 1440, 100),
            70,
            new ReadyLatencyEstimator(),
            DAY,
            FIVE_MINUTES);
    assertThat(evidence.reactiveUnderProvisionedMinutes()).isZero();
    assertThat(evidence.forecast().underProvisionedMinutes()).isZero();
    assertThat(evidence.reduction()).isZero();
    assertThat(evidence.beats(0.10, 0.25)).isFalse();
  }

  @Test
  void aHistoryNoLongerThanTheWarmUpIsRefused() {
    assertThatThrownBy(
            () ->
                REPLAY.replay(
                    spec(10),
                    SyntheticSeries.flat(600, 100),
                    70,
                    new ReadyLatencyEstimator(),
                    DAY,
                    FIVE_MINUTES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no longer than the warm-up");
  }

  @Test
  void anInterruptedReplayStops() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(
              () ->
                  REPLAY.replay(
                      spec(1.5),
                      nasaFourDays(),
                      70,
                      new ReadyLatencyEstimator(),
                      DAY,
                      FIVE_MINUTES))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("interrupted");
    } finally {
      Thread.interrupted();
    }
  }

  static ReplayEvidence evidence(
      double forecastMinutes,
      double sameCostMinutes,
      double forecastReplicaHours,
      double reactiveReplicaHours) {
    return new ReplayEvidence(
        SyntheticSeries.T0,
        SyntheticSeries.T0.plus(DAY),
        2880,
        new SameCost(
            forecastReplicaHours,
            forecastMinutes,
            sameCostMinutes,
            SameCost.Position.WITHIN_FRONTIER),
        sameCostMinutes,
        reactiveReplicaHours);
  }

  @Test
  void theEnvelopeKeepsTheBestHpaAtEachCostWhicheverKnobBoughtIt() {
    List<FrontierPoint> swept =
        List.of(
            new FrontierPoint(80, 100, 60),
            new FrontierPoint(70, 120, 40),
            new FrontierPoint(60, 140, 30),
            // a longer window at 80 %: a little costlier than 70 %, misses far less, so 60 % and
            // the
            // costlier 70 % are dominated
            new FrontierPoint(80, 121, 10),
            new FrontierPoint(70, 150, 35));
    ReactiveFrontier envelope = HistoryReplay.envelope(swept);
    assertThat(envelope.points())
        .extracting(FrontierPoint::replicaHours)
        .containsExactly(100.0, 120.0, 121.0);
    assertThat(envelope.compare(121, 20).frontierUnderProvisionedMinutes()).isEqualTo(10);
    assertThat(HistoryReplay.envelope(List.of(new FrontierPoint(70, 100, 0))).points()).hasSize(2);
  }
}
