package io.scalableapp.lab.jump;

import io.scalableapp.engine.replay.trace.Trace;

/**
 * A floor aimed at the misses that follow sudden jumps of demand, computed from completed minutes
 * only: the floor of minute m may use minutes before m, never m itself. Replicas are sized at full
 * capacity (100 % of a replica), like the engine's floor, since the HPA keeps its own headroom
 * above it.
 */
public interface JumpFloor {

  /** Short name for tables and charts. */
  String label();

  /** The floor at the start of each minute in {@code [from, to)}; at least 1. */
  int[] floors(Trace trace, int from, int to, double capacityPerReplica, int horizonMinutes);

  /** Replicas covering {@code demand} at full capacity, at least 1. */
  static int replicasFor(double demand, double capacityPerReplica) {
    return Math.max(1, (int) Math.ceil(demand / capacityPerReplica - 1e-9));
  }
}
