package io.scalableapp.engine.replay.hpa;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;

/**
 * The reactive Horizontal Pod Autoscaler for one resource (CPU utilisation) metric, following the
 * upstream controller ({@code pkg/controller/podautoscaler/horizontal.go} and {@code
 * replica_calculator.go}):
 *
 * <ol>
 *   <li>spec.replicas below minReplicas (or above maxReplicas) is corrected at once, with no
 *       stabilisation and no rate limit; this is how a raised predictive floor takes effect;
 *   <li>utilisation is averaged over ready pods and truncated to a whole percent;
 *   <li>within the tolerance of the target nothing changes;
 *   <li>when scaling up with pods that are not ready yet, those count as 0 % used, and the scale-up
 *       is dropped if that flips or tolerates the ratio (the conservative rule); when scaling down
 *       they are ignored;
 *   <li>with no ready pod there is no metric and nothing changes;
 *   <li>stabilisation: scale down only to the highest recommendation of the scale-down window;
 *   <li>rate limits: the change allowed per policy period counts the scale events already made in
 *       it, and the most permissive policy wins (select policy Max).
 * </ol>
 *
 * <p>What the model reads as usage is decided outside it ({@code sim.MetricsPipeline}): the
 * idealised reading, or metrics-server's lag, CPU cap and CPU initialisation period ({@code
 * sim.MetricsServerPipeline}). Not modelled: missing-metric pods beyond those, and select policies
 * other than Max.
 */
public final class HorizontalPodAutoscalerModel {

  private record Timestamped(Instant at, int value) {}

  private final HpaSettings settings;
  private Instant lastSync = Instant.MIN;
  // Each deque is in time order (syncs come in time order, which sync checks), so what has left a
  // window is dropped from its head. The stabilisation windows keep only the recommendations that
  // can still be the window's extreme: an older one that a newer one matches or beats can never be
  // (a policy search replays a week per candidate, and scanning every recommendation of a 30-min
  // window at each sync was a third of its CPU time).
  private final Deque<Timestamped> downWindowHighest = new ArrayDeque<>();
  private final Deque<Timestamped> upWindowLowest = new ArrayDeque<>();
  private final Deque<Timestamped> scaleUpEvents = new ArrayDeque<>();
  private final Deque<Timestamped> scaleDownEvents = new ArrayDeque<>();

  public HorizontalPodAutoscalerModel(HpaSettings settings) {
    this.settings = settings;
  }

  public HpaSettings settings() {
    return settings;
  }

  /** One controller sync at {@code now}; returns the new spec.replicas (unchanged if no action). */
  public int sync(Instant now, int specReplicas, int minReplicas, PodUsage usage) {
    if (now.isBefore(lastSync)) {
      throw new IllegalArgumentException(
          "HPA syncs must come in time order: " + now + " is before " + lastSync);
    }
    lastSync = now;
    int min = Math.min(minReplicas, settings.maxReplicas());
    int desired;
    if (specReplicas > settings.maxReplicas()) {
      desired = settings.maxReplicas();
    } else if (specReplicas < min) {
      desired = min;
    } else {
      OptionalInt fromMetric = replicasForUtilization(specReplicas, usage);
      if (fromMetric.isEmpty()) {
        return specReplicas;
      }
      int stabilized = stabilize(now, specReplicas, fromMetric.getAsInt());
      desired = limitRate(now, specReplicas, stabilized, min);
    }
    if (desired != specReplicas) {
      recordScaleEvent(now, specReplicas, desired);
    }
    return desired;
  }

  /**
   * The replica calculator: desired replicas from utilisation, or empty when there is no usable
   * metric.
   */
  OptionalInt replicasForUtilization(int specReplicas, PodUsage usage) {
    int ready = usage.readyPods();
    if (ready == 0) {
      return OptionalInt.empty();
    }
    double ratio = usageRatio(usage.readyUsage(), ready);
    boolean scaleUpWithUnready = usage.unreadyPods() > 0 && ratio > 1.0;
    if (!scaleUpWithUnready) {
      if (Math.abs(1.0 - ratio) <= settings.tolerance()) {
        return OptionalInt.of(specReplicas);
      }
      return OptionalInt.of((int) Math.ceil(ratio * ready));
    }
    // Not-ready pods are assumed idle, so they dampen a scale-up that they may already be
    // absorbing.
    int withUnready = ready + usage.unreadyPods();
    double newRatio = usageRatio(usage.readyUsage(), withUnready);
    if (Math.abs(1.0 - newRatio) <= settings.tolerance() || newRatio < 1.0) {
      return OptionalInt.of(specReplicas);
    }
    int replicas = (int) Math.ceil(newRatio * withUnready);
    return OptionalInt.of(Math.max(replicas, specReplicas));
  }

  /**
   * Utilisation is computed in whole percent (integer division upstream), then divided by the
   * target.
   */
  private double usageRatio(double usage, int pods) {
    long utilizationPercent = (long) Math.floor(usage * 100.0 / pods + 1e-9);
    return (double) utilizationPercent / settings.targetUtilizationPercent();
  }

  /**
   * Scale up only to the lowest recommendation of the scale-up window, down only to the highest of
   * the scale-down window (the current recommendation included in both).
   */
  private int stabilize(Instant now, int specReplicas, int recommendation) {
    dropUpTo(upWindowLowest, now.minus(settings.scaleUpStabilization()));
    dropUpTo(downWindowHighest, now.minus(settings.scaleDownStabilization()));
    int lower =
        upWindowLowest.isEmpty()
            ? recommendation
            : Math.min(recommendation, upWindowLowest.peekFirst().value());
    int upper =
        downWindowHighest.isEmpty()
            ? recommendation
            : Math.max(recommendation, downWindowHighest.peekFirst().value());
    Timestamped current = new Timestamped(now, recommendation);
    while (!upWindowLowest.isEmpty() && upWindowLowest.peekLast().value() >= recommendation) {
      upWindowLowest.pollLast();
    }
    upWindowLowest.addLast(current);
    while (!downWindowHighest.isEmpty() && downWindowHighest.peekLast().value() <= recommendation) {
      downWindowHighest.pollLast();
    }
    downWindowHighest.addLast(current);
    return Math.min(Math.max(specReplicas, lower), upper);
  }

  private int limitRate(Instant now, int current, int desired, int minReplicas) {
    if (desired > current) {
      int limit = Integer.MIN_VALUE;
      for (HpaScalingPolicy p : settings.scaleUpPolicies()) {
        int periodStart = periodStartReplicas(now, current, p.period());
        int proposed =
            p.type() == HpaScalingPolicy.Type.PODS
                ? periodStart + p.value()
                : (int) Math.ceil(periodStart * (1 + p.value() / 100.0));
        limit = Math.max(limit, proposed);
      }
      limit = Math.min(Math.max(limit, current), settings.maxReplicas());
      return Math.min(desired, limit);
    }
    if (desired < current) {
      int limit = Integer.MAX_VALUE;
      for (HpaScalingPolicy p : settings.scaleDownPolicies()) {
        int periodStart = periodStartReplicas(now, current, p.period());
        int proposed =
            p.type() == HpaScalingPolicy.Type.PODS
                ? periodStart - p.value()
                : (int) (periodStart * (1 - p.value() / 100.0));
        limit = Math.min(limit, proposed);
      }
      limit = Math.max(Math.min(limit, current), minReplicas);
      return Math.max(desired, limit);
    }
    return desired;
  }

  /** Replicas at the start of the policy period: undo the scale events made within it. */
  private int periodStartReplicas(Instant now, int current, Duration period) {
    Instant cutoff = now.minus(period);
    return current - sumAfter(scaleUpEvents, cutoff) + sumAfter(scaleDownEvents, cutoff);
  }

  private static int sumAfter(Deque<Timestamped> events, Instant cutoff) {
    int sum = 0;
    for (Timestamped e : events) {
      if (e.at().isAfter(cutoff)) {
        sum += e.value();
      }
    }
    return sum;
  }

  private void recordScaleEvent(Instant now, int from, int to) {
    if (to > from) {
      Instant cutoff = now.minus(settings.longestScaleUpPeriod());
      dropUpTo(scaleUpEvents, cutoff);
      scaleUpEvents.add(new Timestamped(now, to - from));
    } else {
      Instant cutoff = now.minus(settings.longestScaleDownPeriod());
      dropUpTo(scaleDownEvents, cutoff);
      scaleDownEvents.add(new Timestamped(now, from - to));
    }
  }

  /** Drops the entries at or before {@code cutoff}, which lead a deque kept in time order. */
  private static void dropUpTo(Deque<Timestamped> entries, Instant cutoff) {
    while (!entries.isEmpty() && !entries.peekFirst().at().isAfter(cutoff)) {
      entries.pollFirst();
    }
  }
}
