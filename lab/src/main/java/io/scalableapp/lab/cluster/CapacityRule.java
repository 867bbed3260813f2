package io.scalableapp.lab.cluster;

import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.trace.TrainTestSplit;

/**
 * Sizes a replica so that a trace's busy minutes need a few dozen replicas: capacity = ceil(p99.9
 * of training demand / 40). Only the training part is looked at, so the test part cannot leak into
 * the workload; the 99.9th percentile rather than the peak keeps one freak minute from setting the
 * scale.
 */
public final class CapacityRule {

  public static final double QUANTILE = 0.999;
  public static final int REPLICAS_AT_QUANTILE = 40;

  private CapacityRule() {}

  public static double capacityPerReplica(Trace trace, TrainTestSplit split) {
    double busy = trace.quantile(0, split.testStart(), QUANTILE);
    return Math.max(1, Math.ceil(busy / REPLICAS_AT_QUANTILE));
  }
}
