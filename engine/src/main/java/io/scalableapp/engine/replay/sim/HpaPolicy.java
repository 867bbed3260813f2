package io.scalableapp.engine.replay.sim;

import io.scalableapp.engine.replay.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.engine.replay.hpa.PodUsage;
import java.time.Duration;
import java.time.Instant;

/**
 * An HPA whose minReplicas follows a {@link FloorTimeline}: with a constant floor it is the plain
 * reactive HPA, with the engine's floor it is what the operator runs. The HPA syncs on its own
 * period, independent of the simulation step.
 */
public final class HpaPolicy implements ScalingPolicy {

  private final String name;
  private final HorizontalPodAutoscalerModel hpa;
  private final FloorTimeline floor;
  private final MetricsPipeline metrics;
  private final Duration syncPeriod;
  private Instant nextSync;

  /** An HPA reading the idealised metrics ({@link MetricsPipeline#ideal()}). */
  public HpaPolicy(String name, HorizontalPodAutoscalerModel hpa, FloorTimeline floor) {
    this(name, hpa, floor, MetricsPipeline.ideal());
  }

  public HpaPolicy(
      String name, HorizontalPodAutoscalerModel hpa, FloorTimeline floor, MetricsPipeline metrics) {
    this.name = name;
    this.hpa = hpa;
    this.floor = floor;
    this.metrics = metrics;
    this.syncPeriod = hpa.settings().syncPeriod();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int reconcile(ClusterSnapshot cluster) {
    Instant now = cluster.now();
    PodUsage usage = metrics.read(cluster);
    if (nextSync != null && now.isBefore(nextSync)) {
      return cluster.specReplicas();
    }
    nextSync = now.plus(syncPeriod);
    return hpa.sync(now, cluster.specReplicas(), floor.minReplicasAt(now), usage);
  }
}
