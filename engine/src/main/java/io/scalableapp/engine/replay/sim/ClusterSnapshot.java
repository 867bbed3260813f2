package io.scalableapp.engine.replay.sim;

import java.time.Instant;

/**
 * What a scaling policy can see at one tick: the clock, the Deployment's pods and the offered load.
 * {@code readyHistory} counts how many of the current pods were already ready at an earlier
 * instant, which a metrics pipeline needs to tell freshly ready pods from settled ones.
 */
public record ClusterSnapshot(
    Instant now,
    int specReplicas,
    int readyPods,
    int unreadyPods,
    double demandPerMinute,
    double capacityPerReplica,
    ReadyHistory readyHistory) {

  /** Of the current pods, how many were ready at {@code t} (t not after now). */
  @FunctionalInterface
  public interface ReadyHistory {
    int readyAt(Instant t);
  }

  /** Offered load in units of one pod's request; load spreads over ready pods only. */
  public double readyUsage() {
    return demandPerMinute / capacityPerReplica;
  }
}
