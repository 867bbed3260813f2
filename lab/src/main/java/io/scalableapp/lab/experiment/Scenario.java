package io.scalableapp.lab.experiment;

import io.scalableapp.engine.replay.cluster.WorkloadModel;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.trace.TrainTestSplit;

/**
 * One trace replayed with one workload over one scored part. Every policy of a scenario sees
 * identical input: the same minutes, the same warm-up (simulated, not scored) and the same scored
 * part.
 */
public record Scenario(
    Trace trace, TrainTestSplit split, WorkloadModel workload, int warmUpMinutes, Part part) {

  /** Which minutes are scored. */
  public enum Part {
    /** The test part: the report's figures. */
    TEST,
    /**
     * The last {@link #VALIDATION_FRACTION} of the training part: for choosing settings, never for
     * results.
     */
    VALIDATION
  }

  public static final double VALIDATION_FRACTION = 0.3;

  /** The scenario scored on the test part. */
  public Scenario(Trace trace, TrainTestSplit split, WorkloadModel workload, int warmUpMinutes) {
    this(trace, split, workload, warmUpMinutes, Part.TEST);
  }

  /** The same trace and workload scored on the last part of the training minutes instead. */
  public Scenario validation() {
    return new Scenario(trace, split, workload, warmUpMinutes, Part.VALIDATION);
  }

  public int scoreFrom() {
    return part == Part.TEST
        ? split.testStart()
        : split.testStart() - (int) Math.floor(split.testStart() * VALIDATION_FRACTION);
  }

  public int scoreTo() {
    return part == Part.TEST ? split.length() : split.testStart();
  }

  public int warmUpFrom() {
    return Math.max(0, scoreFrom() - warmUpMinutes);
  }

  public String label() {
    return trace.name() + ", startup " + workload.startupDelay().toSeconds() + " s";
  }
}
