package io.scalableapp.lab.experiment;

import io.scalableapp.lab.metrics.ProvisioningMetrics;
import io.scalableapp.lab.sim.HpaVariant;
import io.scalableapp.lab.sim.SimulationResult;

/** One policy on one scenario: its provisioning figures and its timeline. */
public record RunOutcome(Scenario scenario, PolicyKind kind, String policy, HpaVariant variant, int hpaTargetPercent,
                         ProvisioningMetrics metrics, SimulationResult timeline) {
}
