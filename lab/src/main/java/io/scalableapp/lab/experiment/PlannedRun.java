package io.scalableapp.lab.experiment;

import io.scalableapp.lab.predictive.ForecastScorer;
import io.scalableapp.lab.sim.ScalingPolicy;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A run still to do. The policy is built inside the run so that each run owns fresh controller state and
 * runs can go in parallel.
 */
public record PlannedRun(Scenario scenario, PolicyKind kind, String label, Supplier<PolicyUnderTest> policy) {

    /** The policy plus, for forecasting policies, the scorer its forecasts are recorded into. */
    public record PolicyUnderTest(ScalingPolicy policy, Optional<ForecastScorer> forecasts) {

        public static PolicyUnderTest withoutForecasts(ScalingPolicy policy) {
            return new PolicyUnderTest(policy, Optional.empty());
        }
    }
}
