package io.scalableapp.lab.noise;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.floor.FloorFamily;
import io.scalableapp.engine.floor.NoiseFloorRule;
import io.scalableapp.engine.replay.metrics.ProvisioningMetrics;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NoiseFloorTuningTest {

  private static NoiseFloorTuning.Candidate candidate(
      FloorSource floor, int target, double replicaHours, double under) {
    return new NoiseFloorTuning.Candidate(
        new NoisePolicy(floor, target, Duration.ofMinutes(5)),
        new ProvisioningMetrics(under, 0, replicaHours, 0));
  }

  private static final FloorSource SQRT =
      new FloorSource.Rule(NoiseFloorRule.sqrtNoise(FloorFamily.RECENT_LEVEL, 0.9, Duration.ZERO));

  private static NoiseFloorTuning.Candidate candidate(
      FloorSource floor, int target, Duration window, double replicaHours, double under) {
    return new NoiseFloorTuning.Candidate(
        new NoisePolicy(floor, target, window), new ProvisioningMetrics(under, 0, replicaHours, 0));
  }

  @Test
  void keepsTheFewestMissesWithinTheBudgetAndTheCostlierOnATie() {
    List<NoiseFloorTuning.Candidate> all =
        List.of(
            candidate(new FloorSource.None(), 70, 100, 50),
            candidate(SQRT, 80, 104, 20),
            candidate(SQRT, 75, 109, 20),
            candidate(SQRT, 70, 120, 5));

    assertThat(NoiseFloorTuning.best(all.stream(), 100).orElseThrow().policy().floor())
        .isEqualTo(new FloorSource.None());
    assertThat(NoiseFloorTuning.best(all.stream(), 108).orElseThrow().policy().hpaTargetPercent())
        .isEqualTo(80);
    assertThat(NoiseFloorTuning.best(all.stream(), 110).orElseThrow().policy().hpaTargetPercent())
        .isEqualTo(75);
    assertThat(
            NoiseFloorTuning.best(all.stream(), 125)
                .orElseThrow()
                .metrics()
                .underProvisionedMinutes())
        .isEqualTo(5);
    assertThat(NoiseFloorTuning.best(all.stream(), 99)).isEmpty();
  }

  /**
   * WorldCup-1998 at 180 s and the 1.25x budget: on validation the HPA alone at 60 %/5 min, the
   * same HPA under a forecast floor and the HPA alone at 60 %/15 min all missed nothing. The
   * cheapest (60 %/5 min) sat where validation stopped showing misses and missed 2.2 min more than
   * the envelope on the test part; the tie goes to the HPA alone, and within it to the one that
   * spends more of the budget.
   */
  @Test
  void aTieGoesToTheHpaAloneWithTheMostCapacityWithinTheBudget() {
    FloorSource forecast =
        new FloorSource.Rule(
            NoiseFloorRule.sqrtNoise(FloorFamily.FORECAST, 0.9, Duration.ofMinutes(10)));
    NoiseFloorTuning.Candidate cheapest =
        candidate(new FloorSource.None(), 60, Duration.ofMinutes(5), 110, 0);
    NoiseFloorTuning.Candidate floored = candidate(forecast, 60, Duration.ofMinutes(5), 110, 0);
    NoiseFloorTuning.Candidate longerWindow =
        candidate(new FloorSource.None(), 60, Duration.ofMinutes(15), 119, 0);
    NoiseFloorTuning.Candidate floorOverBudget =
        candidate(forecast, 60, Duration.ofMinutes(15), 126, 0);
    List<NoiseFloorTuning.Candidate> all =
        List.of(floored, cheapest, floorOverBudget, longerWindow);

    assertThat(NoiseFloorTuning.best(all.stream(), 125)).contains(longerWindow);
    assertThat(NoiseFloorTuning.best(all.stream(), 115))
        .as("the floor does not win a tie")
        .contains(cheapest);
    assertThat(NoiseFloorTuning.best(Stream.of(floored, floorOverBudget), 125))
        .as("no HPA alone within the budget")
        .contains(floored);
  }

  @Test
  void everyCandidateIsUniqueAndTheSearchCanAlwaysFallBackToTheHpaAlone() {
    List<NoisePolicy> candidates = NoiseFloorTuning.candidates();
    assertThat(candidates.stream().map(NoisePolicy::label).distinct().count())
        .isEqualTo(candidates.size());
    assertThat(candidates)
        .anyMatch(
            p ->
                p.floor() instanceof FloorSource.None
                    && p.hpaTargetPercent() == 70
                    && p.scaleDownWindow().equals(Duration.ofMinutes(5)));
    assertThat(candidates)
        .as("the proportional margin stays a candidate")
        .anyMatch(
            p ->
                p.floor() instanceof FloorSource.Rule r
                    && r.rule().exponent() == NoiseFloorRule.PROPORTIONAL);
    assertThat(Stream.of(FloorFamily.values()))
        .allMatch(
            f ->
                candidates.stream()
                    .anyMatch(
                        p -> p.floor() instanceof FloorSource.Rule r && r.rule().family() == f));
  }
}
