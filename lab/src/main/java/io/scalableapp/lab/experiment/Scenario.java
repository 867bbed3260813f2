package io.scalableapp.lab.experiment;

import io.scalableapp.lab.cluster.WorkloadModel;
import io.scalableapp.lab.trace.Trace;
import io.scalableapp.lab.trace.TrainTestSplit;

/**
 * One trace replayed with one workload. Every policy of a scenario sees identical input: the same minutes,
 * the same warm-up (simulated, not scored) and the same scored test part.
 */
public record Scenario(Trace trace, TrainTestSplit split, WorkloadModel workload, int warmUpMinutes) {

    public int warmUpFrom() {
        return Math.max(0, split.testStart() - warmUpMinutes);
    }

    public String label() {
        return trace.name() + ", startup " + workload.startupDelay().toSeconds() + " s";
    }
}
