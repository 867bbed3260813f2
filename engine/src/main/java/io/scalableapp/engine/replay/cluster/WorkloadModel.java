package io.scalableapp.engine.replay.cluster;

import java.time.Duration;

/**
 * How the simulated app behaves: each ready replica serves {@code capacityPerReplica} requests per
 * minute, a new replica needs {@code startupDelay} before it is ready, and demand above ready
 * capacity is unserved (not queued: a request that finds no capacity is lost).
 */
public record WorkloadModel(double capacityPerReplica, Duration startupDelay) {

  public WorkloadModel {
    if (capacityPerReplica <= 0) {
      throw new IllegalArgumentException("capacity per replica must be positive");
    }
    if (startupDelay.isNegative()) {
      throw new IllegalArgumentException("startup delay must not be negative");
    }
  }

  public double capacity(int readyReplicas) {
    return readyReplicas * capacityPerReplica;
  }

  public double unserved(double demand, int readyReplicas) {
    return Math.max(0, demand - capacity(readyReplicas));
  }

  /**
   * Replicas whose combined capacity covers {@code demand} at the given fraction of each replica.
   */
  public int replicasFor(double demand, double utilization) {
    return Math.max(1, (int) Math.ceil(demand / (capacityPerReplica * utilization) - 1e-9));
  }
}
