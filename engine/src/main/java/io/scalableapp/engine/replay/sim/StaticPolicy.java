package io.scalableapp.engine.replay.sim;

/** A fixed replica count, sized once for the peak. */
public record StaticPolicy(String name, int replicas) implements ScalingPolicy {

  @Override
  public int reconcile(ClusterSnapshot cluster) {
    return replicas;
  }
}
