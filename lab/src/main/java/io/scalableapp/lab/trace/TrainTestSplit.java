package io.scalableapp.lab.trace;

import io.scalableapp.engine.replay.trace.Trace;

/**
 * Chronological split: minutes {@code [0, testStart)} may be used to fit and size anything, minutes
 * {@code [testStart, length)} are only ever scored.
 */
public record TrainTestSplit(int testStart, int length) {

  public static final double TRAIN_FRACTION = 0.7;

  public static TrainTestSplit of(Trace trace) {
    return new TrainTestSplit((int) Math.floor(trace.length() * TRAIN_FRACTION), trace.length());
  }

  public TrainTestSplit {
    if (testStart <= 0 || testStart >= length) {
      throw new IllegalArgumentException("split " + testStart + " outside (0, " + length + ")");
    }
  }

  public int testLength() {
    return length - testStart;
  }
}
