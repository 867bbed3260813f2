package io.scalableapp.lab.frontier;

import java.time.Duration;

/**
 * The reactive HPA at one CPU target and one scale-down stabilisation window: its cost and
 * shortfall.
 */
public record SweepPoint(
    int targetPercent,
    Duration scaleDownWindow,
    double replicaHours,
    double underProvisionedMinutes) {}
