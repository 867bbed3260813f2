package io.scalableapp.engine.replay.sim;

import io.scalableapp.engine.replay.hpa.PodUsage;
import java.time.Duration;
import java.time.Instant;

/**
 * CPU usage as a real HPA reads it through metrics-server:
 *
 * <ul>
 *   <li><b>Resolution and lag</b>: the kubelet reports CPU as a rate over a window and
 *       metrics-server scrapes it every {@code --metric-resolution} (15 s in the upstream
 *       manifests; kubernetes/kubernetes PR 117121 set the same for the project's own tests). The
 *       HPA, syncing every {@code --horizontal-pod-autoscaler-sync-period} (15 s), reads the last
 *       completed window: here the 15 s before the sync, so a change of load is seen one window
 *       late at best (scrape phase and caching can only add to that; this model adds nothing).
 *   <li><b>Saturation</b>: a pod cannot use more CPU than its limit, so a pod offered more load
 *       than it can serve reports {@code limitToRequest} x 100 % of its request, not the offered
 *       load. The lab assumes limit = request (Guaranteed QoS), so utilisation is capped at 100 %.
 *   <li><b>CPU initialisation period</b> ({@code
 *       pkg/controller/podautoscaler/replica_calculator.go}, groupPods): for a pod started less
 *       than {@code --horizontal-pod-autoscaler-cpu-initialization-period} (5 min) ago, a sample is
 *       ignored unless one full metric window was collected after the pod turned ready; after that
 *       period a ready pod counts. Ignored pods join the not-ready ones (counted idle on scale-up,
 *       left out on scale-down). {@code --horizontal-pod-autoscaler-initial-readiness-delay} (30 s)
 *       only decides for pods past the initialisation period that are not ready; those are left out
 *       here anyway, so it changes nothing in this model.
 * </ul>
 *
 * Tolerance (0.1), scale-down stabilisation (5 min) and the rate limits belong to the HPA itself
 * ({@link io.scalableapp.engine.replay.hpa.HpaSettings}) and are the same for the ideal and the
 * realistic variant.
 */
public final class MetricsServerPipeline implements MetricsPipeline {

  /** metrics-server {@code --metric-resolution} by default; also the window of each CPU sample. */
  public static final Duration METRIC_RESOLUTION = Duration.ofSeconds(15);

  /**
   * kube-controller-manager {@code --horizontal-pod-autoscaler-cpu-initialization-period} default.
   */
  public static final Duration CPU_INITIALIZATION_PERIOD = Duration.ofMinutes(5);

  /**
   * kube-controller-manager {@code --horizontal-pod-autoscaler-initial-readiness-delay} default
   * (see above).
   */
  public static final Duration INITIAL_READINESS_DELAY = Duration.ofSeconds(30);

  /** CPU limit as a multiple of the request: Guaranteed QoS. */
  public static final double LIMIT_TO_REQUEST = 1.0;

  private final Duration startupDelay;
  private final Duration resolution;

  /** The last completed window: its start and the mean utilisation of the ticks in it. */
  private Instant windowStart;

  private double windowUtilization = Double.NaN;

  /** The window being collected. */
  private Instant openWindowStart;

  private double openSum;
  private int openTicks;
  private double lastTickUtilization = Double.NaN;

  /**
   * @param startupDelay the pods' start-to-ready time, to know which ready pods are still
   *     initialising
   */
  public MetricsServerPipeline(Duration startupDelay) {
    this(startupDelay, METRIC_RESOLUTION);
  }

  /**
   * @param resolution metrics-server's {@code --metric-resolution}: each sample is the mean CPU
   *     over one such window, on metrics-server's own clock, however often the HPA reads it
   */
  public MetricsServerPipeline(Duration startupDelay, Duration resolution) {
    if (resolution.isNegative() || resolution.isZero()) {
      throw new IllegalArgumentException("metric resolution must be positive: " + resolution);
    }
    this.startupDelay = startupDelay;
    this.resolution = resolution;
  }

  @Override
  public PodUsage read(ClusterSnapshot cluster) {
    Instant now = cluster.now();
    if (openWindowStart == null) {
      openWindowStart = now;
    }
    // Close every window that ended by now: its sample is the mean of its ticks (a window without a
    // tick
    // saw the load of the tick before it, which lasted until the next one).
    while (!now.isBefore(openWindowStart.plus(resolution))) {
      windowStart = openWindowStart;
      windowUtilization = openTicks > 0 ? openSum / openTicks : lastTickUtilization;
      openWindowStart = openWindowStart.plus(resolution);
      openSum = 0;
      openTicks = 0;
    }
    lastTickUtilization =
        cluster.readyPods() == 0
            ? Double.NaN
            : Math.min(LIMIT_TO_REQUEST, cluster.readyUsage() / cluster.readyPods());
    if (!Double.isNaN(lastTickUtilization)) {
      openSum += lastTickUtilization;
      openTicks++;
    }
    int total = cluster.readyPods() + cluster.unreadyPods();
    if (windowStart == null || Double.isNaN(windowUtilization)) {
      return new PodUsage(0, total, 0);
    }
    int counted = countedPods(cluster, now);
    return new PodUsage(counted, total - counted, counted * windowUtilization);
  }

  /**
   * Pods whose sample the HPA uses: ready since before the window began, or started more than the
   * CPU initialisation period ago and ready now. With one startup delay for all pods, "started
   * before t" is "ready before t + startupDelay", and readiness is monotone, so both sets are
   * "ready by some instant".
   */
  private int countedPods(ClusterSnapshot cluster, Instant now) {
    Instant settledBy = windowStart;
    Instant pastInitialisation = now.minus(CPU_INITIALIZATION_PERIOD).plus(startupDelay);
    if (pastInitialisation.isAfter(now)) {
      pastInitialisation = now;
    }
    Instant cutoff = pastInitialisation.isAfter(settledBy) ? pastInitialisation : settledBy;
    return Math.min(cluster.readyPods(), cluster.readyHistory().readyAt(cutoff));
  }
}
