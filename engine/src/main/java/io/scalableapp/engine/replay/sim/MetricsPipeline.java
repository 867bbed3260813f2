package io.scalableapp.engine.replay.sim;

import io.scalableapp.engine.replay.hpa.PodUsage;

/**
 * What the HPA reads as CPU usage. Called at every simulation tick (so a pipeline with memory can
 * record what the pods used); the HPA uses the answer only at its syncs. One instance per run.
 */
public interface MetricsPipeline {

  PodUsage read(ClusterSnapshot cluster);

  /**
   * The idealised reading: the HPA sees the offered load of this very tick, uncapped, on every
   * ready pod, with no metrics lag and no distrust of fresh pods. The most favourable reading for a
   * reactive HPA.
   */
  static MetricsPipeline ideal() {
    return cluster ->
        new PodUsage(cluster.readyPods(), cluster.unreadyPods(), cluster.readyUsage());
  }
}
