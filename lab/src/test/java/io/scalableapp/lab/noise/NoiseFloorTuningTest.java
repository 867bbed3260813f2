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

    private static NoiseFloorTuning.Candidate candidate(FloorSource floor, int target, double replicaHours,
                                                        double under) {
        return new NoiseFloorTuning.Candidate(new NoisePolicy(floor, target, Duration.ofMinutes(5)),
                new ProvisioningMetrics(under, 0, replicaHours, 0));
    }

    private static final FloorSource SQRT = new FloorSource.Rule(
            NoiseFloorRule.sqrtNoise(FloorFamily.RECENT_LEVEL, 0.9, Duration.ZERO));

    @Test
    void keepsTheFewestMissesWithinTheBudgetAndTheCheaperOnATie() {
        List<NoiseFloorTuning.Candidate> all = List.of(
                candidate(new FloorSource.None(), 70, 100, 50),
                candidate(SQRT, 80, 104, 20),
                candidate(SQRT, 75, 109, 20),
                candidate(SQRT, 70, 120, 5));

        assertThat(NoiseFloorTuning.best(all.stream(), 100).orElseThrow().policy().floor())
                .isEqualTo(new FloorSource.None());
        assertThat(NoiseFloorTuning.best(all.stream(), 110).orElseThrow().policy().hpaTargetPercent()).isEqualTo(80);
        assertThat(NoiseFloorTuning.best(all.stream(), 125).orElseThrow().metrics().underProvisionedMinutes())
                .isEqualTo(5);
        assertThat(NoiseFloorTuning.best(all.stream(), 99)).isEmpty();
    }

    @Test
    void everyCandidateIsUniqueAndTheSearchCanAlwaysFallBackToTheHpaAlone() {
        List<NoisePolicy> candidates = NoiseFloorTuning.candidates();
        assertThat(candidates.stream().map(NoisePolicy::label).distinct().count()).isEqualTo(candidates.size());
        assertThat(candidates).anyMatch(p -> p.floor() instanceof FloorSource.None && p.hpaTargetPercent() == 70
                && p.scaleDownWindow().equals(Duration.ofMinutes(5)));
        assertThat(candidates).as("the proportional margin stays a candidate").anyMatch(p -> p.floor()
                instanceof FloorSource.Rule r && r.rule().exponent() == NoiseFloorRule.PROPORTIONAL);
        assertThat(Stream.of(FloorFamily.values())).allMatch(f -> candidates.stream().anyMatch(p -> p.floor()
                instanceof FloorSource.Rule r && r.rule().family() == f));
    }
}
