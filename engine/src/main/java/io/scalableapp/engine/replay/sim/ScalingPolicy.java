package io.scalableapp.engine.replay.sim;

/**
 * Decides the Deployment's replica count at each simulation tick. One instance per simulation run.
 */
public interface ScalingPolicy {

  String name();

  /** Returns the spec.replicas to apply now. */
  int reconcile(ClusterSnapshot cluster);
}
