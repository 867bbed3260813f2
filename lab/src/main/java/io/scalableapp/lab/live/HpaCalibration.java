package io.scalableapp.lab.live;

import io.scalableapp.engine.replay.cluster.WorkloadModel;
import io.scalableapp.engine.replay.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.engine.replay.hpa.HpaScalingPolicy;
import io.scalableapp.engine.replay.hpa.HpaSettings;
import io.scalableapp.engine.replay.sim.FloorTimeline;
import io.scalableapp.engine.replay.sim.HpaPolicy;
import io.scalableapp.engine.replay.sim.MetricsServerPipeline;
import io.scalableapp.engine.replay.sim.SimulationResult;
import io.scalableapp.engine.replay.sim.Simulator;
import io.scalableapp.engine.replay.trace.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's realistic HPA model (metrics-server pipeline, HPA rules, pod start-up) replayed on the
 * stretch a live run replayed, with the run's settings brought back to trace time, and its replica
 * trajectory set against the measured one.
 *
 * @param traceSeconds the comparison instants, seconds of trace time since the stretch began
 * @param measured the Deployment's spec.replicas the live run had at each instant
 * @param model the model's spec.replicas at each instant
 */
public record HpaCalibration(String run, double[] traceSeconds, double[] measured, double[] model) {

  /** The simulator's step: it must divide a minute and be no longer than the HPA's sync period. */
  static final Duration STEP = Duration.ofSeconds(5);

  /**
   * When both trajectories first reached a replica count, in trace minutes since the stretch began
   * (NaN: never).
   */
  public record ScaleUp(int replicas, double measuredMinute, double modelMinute) {
    public double lagMinutes() {
      return measuredMinute - modelMinute;
    }
  }

  /**
   * @param capacityPerMinute trace requests per minute one pod serves at 100 % of its CPU request
   * @param startup the pods' creation-to-ready time, in trace time
   * @param floor the HPA's minReplicas over trace time as the run had it (the warm start, then 1 or
   *     the predictive floor)
   */
  public static HpaCalibration simulate(
      String run,
      Trace trace,
      LiveSettings s,
      StepSeries measuredReplicas,
      double capacityPerMinute,
      Duration startup,
      FloorTimeline floor) {
    int from = trace.indexOf(s.from());
    int to = from + s.minutes();
    int warmUpFrom = from - s.warmupMinutes();
    WorkloadModel workload = new WorkloadModel(capacityPerMinute, startup);
    HpaPolicy policy =
        new HpaPolicy(
            "lab HPA",
            new HorizontalPodAutoscalerModel(hpaSettings(s)),
            floor,
            new MetricsServerPipeline(
                startup, Duration.ofSeconds((long) s.metricResolutionSeconds() * s.compression())));
    // The live run's warm-up starts with firstReplicas ready pods; the simulator starts with those
    // its first
    // minute needs at a given utilisation, so ask for the utilisation that gives the same count.
    double initialUtilization = trace.demand(warmUpFrom) / (capacityPerMinute * s.firstReplicas());
    SimulationResult result =
        new Simulator(workload, STEP).run(trace, warmUpFrom, from, to, policy, initialUtilization);
    int ticks = result.ticks();
    double[] at = new double[ticks];
    double[] measured = new double[ticks];
    double[] model = new double[ticks];
    for (int i = 0; i < ticks; i++) {
      at[i] = i * (double) STEP.toSeconds();
      measured[i] = measuredReplicas.at(at[i] / s.compression());
      model[i] = result.totalPods()[i];
    }
    return new HpaCalibration(run, at, measured, model);
  }

  /**
   * The HPA the live run had, in trace time: each timer the bench divided by the compression
   * (rounded as the bench rounded it, to whole milliseconds or seconds) multiplied back.
   */
  static HpaSettings hpaSettings(LiveSettings s) {
    int c = s.compression();
    Duration sync = Duration.ofMillis(15_000L / c * c);
    Duration period = Duration.ofSeconds(Math.max(1, 15 / c) * (long) c);
    Duration downWindow = Duration.ofSeconds(Math.max(1, 300 / c) * (long) c);
    return new HpaSettings(
        s.targetCpuPercent(),
        0.1,
        sync,
        Duration.ZERO,
        downWindow,
        List.of(HpaScalingPolicy.percent(100, period), HpaScalingPolicy.pods(4, period)),
        List.of(HpaScalingPolicy.percent(100, period)),
        s.maxReplicas());
  }

  /**
   * Mean absolute difference of the two trajectories, in replicas (instants where the run had no
   * value skipped).
   */
  public double meanAbsoluteError() {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < measured.length; i++) {
      if (!Double.isNaN(measured[i])) {
        sum += Math.abs(measured[i] - model[i]);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * For every count above the starting one that either trajectory reached: when each first reached
   * it.
   */
  public List<ScaleUp> scaleUps() {
    int start = (int) model[0];
    int top = (int) Math.max(max(measured), max(model));
    List<ScaleUp> ups = new ArrayList<>();
    for (int k = start + 1; k <= top; k++) {
      ups.add(new ScaleUp(k, firstMinuteAtLeast(measured, k), firstMinuteAtLeast(model, k)));
    }
    return ups;
  }

  private double firstMinuteAtLeast(double[] replicas, int k) {
    for (int i = 0; i < replicas.length; i++) {
      if (replicas[i] >= k) {
        return traceSeconds[i] / 60;
      }
    }
    return Double.NaN;
  }

  private static double max(double[] values) {
    double max = 0;
    for (double v : values) {
      if (v > max) {
        max = v;
      }
    }
    return max;
  }
}
