package io.scalableapp.lab.experiment;

import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.engine.replay.sim.ScalingPolicy;
import java.util.function.Supplier;

/**
 * A run still to do. The policy is built inside the run so that each run owns fresh controller
 * state and runs can go in parallel. {@code variant} and {@code hpaTargetPercent} say which
 * reactive HPA the policy runs on (and so which frontier it is compared with); a static policy has
 * none (null, 0).
 */
public record PlannedRun(
    Scenario scenario,
    PolicyKind kind,
    String label,
    HpaVariant variant,
    int hpaTargetPercent,
    Supplier<ScalingPolicy> policy) {}
