package io.scalableapp.engine.replay.sim;

import io.scalableapp.engine.replay.trace.Trace;

/**
 * The recorded part of one run: for every tick in minutes {@code [scoreFrom, to)}, the ready pods
 * (which serve) and all pods (which cost), plus how many times the replica count changed.
 */
public record SimulationResult(
    String policy,
    Trace trace,
    int scoreFrom,
    int to,
    int stepsPerMinute,
    int[] readyPods,
    int[] totalPods,
    int scalingActions) {

  public int ticks() {
    return readyPods.length;
  }

  /** Minute of the trace that tick {@code i} belongs to. */
  public int minuteOf(int tick) {
    return scoreFrom + tick / stepsPerMinute;
  }
}
