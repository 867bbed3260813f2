package io.scalableapp.engine.replay.frontier;

/** The reactive HPA at one CPU target: what it cost and how often it fell short. */
public record FrontierPoint(
    int targetPercent, double replicaHours, double underProvisionedMinutes) {}
