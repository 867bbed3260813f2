package io.scalableapp.lab.experiment;

import io.scalableapp.lab.metrics.ProvisioningMetrics;
import io.scalableapp.lab.predictive.ForecastScorer;
import io.scalableapp.lab.sim.SimulationResult;
import java.util.Optional;

/** One policy on one scenario: its provisioning figures, its timeline, and its forecasts' accuracy if any. */
public record RunOutcome(Scenario scenario, PolicyKind kind, String policy, ProvisioningMetrics metrics,
                         SimulationResult timeline, Optional<ForecastScorer.Score> forecast) {
}
