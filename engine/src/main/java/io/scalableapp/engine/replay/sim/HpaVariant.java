package io.scalableapp.engine.replay.sim;

import io.scalableapp.engine.replay.cluster.WorkloadModel;

/**
 * How the reactive HPA reads CPU: the idealised reading or metrics-server as a real cluster runs
 * it.
 */
public enum HpaVariant {

  /** Offered load seen at once, uncapped, on every ready pod ({@link MetricsPipeline#ideal()}). */
  IDEAL("ideal HPA"),
  /**
   * metrics-server resolution and lag, CPU capped at the limit, fresh pods distrusted ({@link
   * MetricsServerPipeline}).
   */
  REALISTIC("realistic HPA");

  private final String label;

  HpaVariant(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A fresh pipeline for one run. */
  public MetricsPipeline newPipeline(WorkloadModel workload) {
    return this == IDEAL
        ? MetricsPipeline.ideal()
        : new MetricsServerPipeline(workload.startupDelay());
  }
}
