package io.scalableapp.lab.experiment;

import io.scalableapp.engine.replay.metrics.ProvisioningMetrics;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.engine.replay.sim.SimulationResult;

/** One policy on one scenario: its provisioning figures and its timeline. */
public record RunOutcome(
    Scenario scenario,
    PolicyKind kind,
    String policy,
    HpaVariant variant,
    int hpaTargetPercent,
    ProvisioningMetrics metrics,
    SimulationResult timeline) {}
