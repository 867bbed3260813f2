package io.scalableapp.engine.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.floor.FloorFamily;
import io.scalableapp.engine.floor.NoiseFloorRule;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.testing.SyntheticSeries;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicySearchTest {

  static final PolicySearch SEARCH = new PolicySearch();
  static final Duration DAY = Duration.ofDays(1);
  static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  static final Duration STARTUP = Duration.ofMinutes(1);

  /** The HPA a user writes by default: 70 %, Kubernetes' 5-minute window. */
  static final TunedPolicy USER = TunedPolicy.reactive(70, FIVE_MINUTES);

  static PolicySearchSettings bounds(double extraCost) {
    return new PolicySearchSettings(
        50, 90, Duration.ZERO, Duration.ofMinutes(30), extraCost, DAY, DAY);
  }

  static List<FloorCandidate> floors(AppScalingSpec spec) {
    return List.of(
        FloorCandidates.none(spec.minReplicas()),
        FloorCandidates.forecast(
            spec, new ReadyLatencyEstimator(), FIVE_MINUTES, ForecasterFactory.DEFAULT));
  }

  static PolicyChoice search(Series history, double extraCost) {
    AppScalingSpec spec = HistoryReplayTest.spec(1.5);
    return SEARCH.search(
        history,
        USER,
        1.5 * 100 / 70,
        STARTUP,
        spec.minReplicas(),
        spec.maxReplicas(),
        floors(spec),
        bounds(extraCost));
  }

  @Test
  void onRealTrafficTheChosenPolicyMissesLessThanTheUsersHpaWithinItsBudgetOnBothParts() {
    PolicyChoice choice = search(HistoryReplayTest.nasaFourDays(), 0);
    System.out.println("NASA 4 d: " + choice);

    assertThat(choice.validateFrom()).isEqualTo(choice.to().minus(DAY));
    assertThat(choice.user().policy()).isEqualTo(USER);
    assertThat(choice.user().training().underProvisionedMinutes())
        .as("the default HPA falls short")
        .isPositive();
    assertThat(choice.chosen().training().replicaHours())
        .isLessThanOrEqualTo(choice.budgetReplicaHours());
    assertThat(choice.chosen().training().underProvisionedMinutes())
        .isLessThan(choice.user().training().underProvisionedMinutes())
        .isLessThanOrEqualTo(choice.envelope().training().underProvisionedMinutes());
    assertThat(choice.chosen().policy().targetPercent()).isBetween(50, 90);
    assertThat(choice.chosen().policy().scaleDownWindow())
        .isBetween(Duration.ZERO, Duration.ofMinutes(30));
    assertThat(choice.envelope().policy().reactive()).isTrue();
    assertThat(choice.applied())
        .isEqualTo(
            choice.chosen().validation().underProvisionedMinutes()
                    < choice.user().validation().underProvisionedMinutes()
                && choice.chosen().validation().replicaHours()
                    <= choice.user().validation().replicaHours() + 1e-9);
    assertThat(choice.candidates()).as("bisection, not the whole grid").isLessThan(2 * 7 * 41);
  }

  @Test
  void aLargerBudgetBuysAtLeastAsFewMissesOnTraining() {
    Series history = HistoryReplayTest.nasaFourDays();
    PolicyChoice same = search(history, 0);
    PolicyChoice more = search(history, 0.25);
    assertThat(more.budgetReplicaHours()).isGreaterThan(same.budgetReplicaHours());
    assertThat(more.chosen().training().underProvisionedMinutes())
        .isLessThanOrEqualTo(same.chosen().training().underProvisionedMinutes());
  }

  @Test
  void aHistoryTheUsersHpaAlreadyServesIsNotTuned() {
    PolicyChoice choice = search(SyntheticSeries.flat(4 * 1440, 100), 0);
    assertThat(choice.user().validation().underProvisionedMinutes()).isZero();
    assertThat(choice.applied()).isFalse();
    assertThat(choice.running()).isEqualTo(USER);
    assertThat(choice.verdict())
        .satisfiesAnyOf(
            v -> assertThat(v).contains("did not fall short less than your HPA"),
            v -> assertThat(v).contains("already the best"));
  }

  @Test
  void aPolicyThatWinsOnTrainingButLosesOnValidationIsNotApplied() {
    // Quiet for three days, then a day of steep ramps: training rewards the cheapest policy,
    // validation punishes it.
    Series history =
        SyntheticSeries.of(4 * 1440, m -> m < 3 * 1440 ? 100 : 100 + (m % 120 < 10 ? 900 : 0));
    PolicyChoice choice = search(history, 0);
    assertThat(choice.applied()).isFalse();
    assertThat(choice.running()).isEqualTo(USER);
  }

  @Test
  void tooShortAHistoryIsRefusedWithWhatItNeeds() {
    assertThatThrownBy(() -> search(SyntheticSeries.flat(2 * 1440, 100), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(2880 min) is shorter than")
        .hasMessageContaining("4320 min");
  }

  @Test
  void boundsAreChecked() {
    assertThatThrownBy(
            () -> new PolicySearchSettings(80, 60, Duration.ZERO, FIVE_MINUTES, 0, DAY, DAY))
        .hasMessageContaining("lowest not above the highest");
    assertThatThrownBy(
            () ->
                new PolicySearchSettings(50, 80, Duration.ofMinutes(30), FIVE_MINUTES, 0, DAY, DAY))
        .hasMessageContaining("shortest not above the longest");
    assertThat(
            new PolicySearchSettings(
                    50, 80, Duration.ofMinutes(4), Duration.ofMinutes(16), 0, DAY, DAY)
                .windows())
        .containsExactly(
            Duration.ofMinutes(4),
            FIVE_MINUTES,
            Duration.ofMinutes(10),
            Duration.ofMinutes(15),
            Duration.ofMinutes(16));
  }

  @Test
  void noiseSizedFloorsOnTheRecentLevelAreCandidatesAndTheChoiceNamesItsKnobs() {
    AppScalingSpec spec = HistoryReplayTest.spec(1.5);
    double capacity = 1.5 * 100 / 70;
    List<FloorCandidate> families =
        List.of(
            FloorCandidates.none(spec.minReplicas()),
            FloorCandidates.recentLevelNoise(
                NoiseFloorRule.sqrtNoise(FloorFamily.RECENT_LEVEL, 0.99, Duration.ZERO),
                spec.minReplicas(),
                spec.maxReplicas(),
                capacity,
                STARTUP,
                1440));
    PolicyChoice choice =
        SEARCH.search(
            HistoryReplayTest.nasaFourDays(),
            USER,
            capacity,
            STARTUP,
            spec.minReplicas(),
            spec.maxReplicas(),
            families,
            bounds(0.10));
    System.out.println(
        "NASA 4 d with a recent-level noise floor: "
            + choice.chosen()
            + " envelope "
            + choice.envelope());

    assertThat(choice.chosen().training().underProvisionedMinutes())
        .isLessThanOrEqualTo(choice.envelope().training().underProvisionedMinutes());
    if (!choice.chosen().policy().reactive()) {
      assertThat(choice.chosen().policy().floor()).isEqualTo(FloorCandidates.RECENT_LEVEL_NOISE);
      assertThat(choice.chosen().policy().knobs()).contains("recent level + p99 noise x level^0.5");
    }
  }

  @Test
  void aNoiseFloorRaisesTheFloorAboveTheRecentLevelOnceItHasLearned() {
    FloorCandidate noise =
        FloorCandidates.recentLevelNoise(
            NoiseFloorRule.sqrtNoise(FloorFamily.RECENT_LEVEL, 0.9, Duration.ZERO),
            1,
            100,
            10,
            STARTUP,
            600);
    var trace =
        io.scalableapp.engine.replay.trace.TraceRecording.toTrace(
            "noisy", SyntheticSeries.of(1440, m -> 100 + (m % 7 == 0 ? 40 : 0)));
    var floor = noise.floorOver(trace);
    assertThat(floor.minReplicasAt(trace.instant(5)))
        .as("nothing learned yet: replicas.min")
        .isEqualTo(1);
    assertThat(floor.minReplicasAt(trace.instant(1000)))
        .as("above the level's 10 replicas, within max")
        .isBetween(11, 100);
  }

  /** A family the search must never replay: its floor fails the test. */
  static FloorCandidate forbidden(String name) {
    return new FloorCandidate() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String knobs() {
        return "";
      }

      @Override
      public io.scalableapp.engine.replay.sim.RecordedFloor floorOver(
          io.scalableapp.engine.replay.trace.Trace trace) {
        throw new AssertionError("the search replayed " + name + ", which it was not allowed");
      }
    };
  }

  @Test
  void aSearchAllowedOnlyTheRecentLevelFloorNeverReplaysTheForecast() {
    AppScalingSpec spec = HistoryReplayTest.spec(1.5);
    double capacity = 1.5 * 100 / 70;
    FloorCandidate recentLevel =
        FloorCandidates.recentLevelNoise(
            FloorCandidates.RECENT_LEVEL_RULE,
            spec.minReplicas(),
            spec.maxReplicas(),
            capacity,
            STARTUP,
            1440);
    List<FloorCandidate> offered =
        FloorCandidates.allowed(
            List.of(
                FloorCandidates.none(spec.minReplicas()),
                forbidden(FloorCandidates.FORECAST),
                recentLevel),
            List.of(FloorCandidates.RECENT_LEVEL_NOISE));
    assertThat(offered)
        .extracting(FloorCandidate::name)
        .containsExactly("None", "RecentLevelNoise");

    PolicyChoice choice =
        SEARCH.search(
            HistoryReplayTest.nasaFourDays(),
            USER,
            capacity,
            STARTUP,
            spec.minReplicas(),
            spec.maxReplicas(),
            offered,
            bounds(0.25));
    assertThat(choice.chosen().policy().floor()).isIn("None", "RecentLevelNoise");
  }

  @Test
  void theHpaAloneIsAlwaysOfferedAndAnUnknownFamilyIsRefused() {
    List<FloorCandidate> all =
        List.of(
            FloorCandidates.none(1),
            forbidden(FloorCandidates.FORECAST),
            forbidden(FloorCandidates.RECENT_LEVEL_NOISE));
    assertThat(FloorCandidates.allowed(all, List.of()))
        .extracting(FloorCandidate::name)
        .containsExactly(FloorCandidate.NONE);
    assertThat(FloorCandidates.allowed(all, FloorCandidates.ALLOWABLE))
        .extracting(FloorCandidate::name)
        .containsExactly("None", "Forecast", "RecentLevelNoise");
    assertThatThrownBy(() -> FloorCandidates.allowed(all, List.of("None")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown floor family None");
  }
}
