package io.scalableapp.engine.replay.sim;

import java.time.Instant;

/**
 * The HPA's minReplicas over time. A reactive HPA has a constant floor; the operator's predictive
 * floor is recomputed by the engine on its own cadence.
 */
@FunctionalInterface
public interface FloorTimeline {

  int minReplicasAt(Instant now);

  static FloorTimeline constant(int minReplicas) {
    return now -> minReplicas;
  }

  /** Both floors at once: the higher one holds, as the operator combines its floors. */
  default FloorTimeline max(FloorTimeline other) {
    return now -> Math.max(minReplicasAt(now), other.minReplicasAt(now));
  }
}
