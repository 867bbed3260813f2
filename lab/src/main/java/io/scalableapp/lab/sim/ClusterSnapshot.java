package io.scalableapp.lab.sim;

import java.time.Instant;

/** What a scaling policy can see at one tick: the clock, the Deployment's pods and the offered load. */
public record ClusterSnapshot(Instant now, int specReplicas, int readyPods, int unreadyPods,
                              double demandPerMinute, double capacityPerReplica) {

    /** CPU used by the ready pods in units of one pod's request; load spreads over ready pods only. */
    public double readyUsage() {
        return demandPerMinute / capacityPerReplica;
    }
}
