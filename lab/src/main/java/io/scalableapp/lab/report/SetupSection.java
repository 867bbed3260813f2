package io.scalableapp.lab.report;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.replay.hpa.HpaScalingPolicy;
import io.scalableapp.engine.replay.hpa.HpaSettings;
import io.scalableapp.engine.replay.sim.MetricsServerPipeline;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.experiment.ExperimentRunner;
import io.scalableapp.lab.experiment.Scenario;
import io.scalableapp.lab.predictive.PredictiveRuns;
import io.scalableapp.lab.trace.TrainTestSplit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report's setup section, written from the settings and traces of the run (nothing typed in by
 * hand).
 */
public final class SetupSection {

  /**
   * What the lab ran with; every figure in the section comes from here.
   *
   * @param sizing how a replica was sized, e.g. "capacity per replica = ..."
   * @param engineNote where the engine's settings came from
   */
  public record Settings(
      String tracesSource,
      List<Scenario> scenarios,
      List<Duration> startupDelays,
      HpaSettings hpa,
      int minReplicas,
      AppScalingSpec engineExample,
      int warmUpMinutes,
      String sizing,
      String engineNote) {}

  private SetupSection() {}

  public static String render(Settings in) {
    StringBuilder md = new StringBuilder("## Setup\n\n");
    MarkdownTable t =
        new MarkdownTable(
            "trace",
            "minutes (observed)",
            "masked spans",
            "training part",
            "test part (scored)",
            "capacity per replica",
            "training peak",
            "test peak");
    List<Trace> seen = new ArrayList<>();
    for (Scenario s : in.scenarios()) {
      Trace tr = s.trace();
      if (seen.contains(tr)) {
        continue;
      }
      seen.add(tr);
      int cut = s.split().testStart();
      t.row(
          tr.name(),
          String.format(Locale.ROOT, "%,d (%,d)", tr.length(), tr.observedCount()),
          maskedSpans(tr, cut),
          tr.minute(0) + " .. " + tr.minute(cut - 1),
          tr.minute(cut) + " .. " + tr.minute(tr.length() - 1),
          Format.num(s.workload().capacityPerReplica(), 0) + " req/min",
          Format.num(tr.peak(0, cut), 0) + " req/min",
          Format.num(tr.peak(cut, tr.length()), 0) + " req/min");
    }
    md.append(t.render()).append('\n');
    HpaSettings h = in.hpa();
    AppScalingSpec e = in.engineExample();
    md.append(
        String.format(
            Locale.ROOT,
            """
                - **Traces**: %s, read by `TraceLoader` (any resolution; coarser rows spread over their minutes). \
                Minutes no row covers are zero demand in a log and unknown in a Prometheus export; known log gaps \
                and unknown minutes are masked: never scored, shown to the engine as missing (NaN), replayed to the \
                cluster as the last observed demand.
                - **Split**: first %.0f %% of each trace's minutes for fitting, sizing and tuning, last %.0f %% scored. \
                Tuning (the jump floors) uses the last %.0f %% of the training part only.
                - **Workload**: %s. A pod is ready %s after it is created. Demand is constant within its minute; the simulation ticks every %d s; demand above \
                the ready pods' capacity is unserved (lost, not queued). Scale-down removes not-ready pods first, \
                then the newest.
                - **Static**: ceil(training peak / capacity) replicas, no autoscaling.
                - **HPA** (`HorizontalPodAutoscalerModel`, both variants): CPU utilisation target as named (reference \
                %d %%), minReplicas %d, maxReplicas %d, %d s sync (`--horizontal-pod-autoscaler-sync-period`), \
                tolerance %.2f (`--horizontal-pod-autoscaler-tolerance`), utilisation truncated to whole percent, \
                not-ready pods counted idle on scale-up (and the scale-up dropped if that flips the ratio), \
                scale-down stabilisation %s (`--horizontal-pod-autoscaler-downscale-stabilization`), scale-up %s, \
                scale-down %s (the app's `autoscaling.behavior`; the autoscaling/v2 defaults for the lab's own traces).
                - **Ideal HPA**: a pod's utilisation is demand / (ready pods x capacity) of the current tick, uncapped, \
                every ready pod counted: no metrics lag, no saturation, no distrust of fresh pods.
                - **Realistic HPA** (`MetricsServerPipeline`): reads the CPU window of %d s (metrics-server \
                `--metric-resolution`) that closed at the sync, so it sees load one window late; a pod's CPU is \
                capped at %.0f %% of its request (limit = request); during the CPU initialisation period (%s, \
                `--horizontal-pod-autoscaler-cpu-initialization-period`) a ready pod's sample counts only once a \
                full window was collected after it turned ready; initial readiness delay %d s \
                (`--horizontal-pod-autoscaler-initial-readiness-delay`, no effect with these startup delays).
                - **Predictive floor + HPA**: what the operator runs. Every %d s the engine's `PredictiveScaler` \
                evaluates the app on a simulated clock against an `InMemoryDemandSource` holding the trace (each \
                minute stamped at its end, so no future leaks); its floor becomes the HPA's minReplicas and the HPA \
                keeps reacting above it. The engine reads only the trace, so its floor is recorded once per \
                scenario and model and replayed under each HPA variant. %s Settings in force: targetUtilization \
                %.2f, replicas %d..%d, lookback %s, step %s, learned margin at the p%.0f of recent \
                horizon-peak errors (capped at +%.0f %%; fixed headroom %.0f %% until %d horizons are scored), \
                seasonality %s, max forecast error (WAPE) %.2f over %s, hold %s, scale-down stabilisation %s, AUTO \
                re-selection every %s, %d schedules. Horizon = %s.
                - **Warm-up**: each run starts %d minutes before its scored part (simulated, not scored).
                """,
            in.tracesSource(),
            TrainTestSplit.TRAIN_FRACTION * 100,
            (1 - TrainTestSplit.TRAIN_FRACTION) * 100,
            Scenario.VALIDATION_FRACTION * 100,
            in.sizing(),
            in.startupDelays().stream()
                .map(d -> d.toSeconds() + " s")
                .collect(Collectors.joining(" or ")),
            ExperimentRunner.STEP.toSeconds(),
            Math.round(e.targetUtilization() * 100),
            in.minReplicas(),
            h.maxReplicas(),
            h.syncPeriod().toSeconds(),
            h.tolerance(),
            human(h.scaleDownStabilization()),
            policies(h.scaleUpPolicies(), "+"),
            policies(h.scaleDownPolicies(), "-"),
            MetricsServerPipeline.METRIC_RESOLUTION.toSeconds(),
            MetricsServerPipeline.LIMIT_TO_REQUEST * 100,
            human(MetricsServerPipeline.CPU_INITIALIZATION_PERIOD),
            MetricsServerPipeline.INITIAL_READINESS_DELAY.toSeconds(),
            PredictiveRuns.EVALUATION_INTERVAL.toSeconds(),
            in.engineNote(),
            e.targetUtilization(),
            e.minReplicas(),
            e.maxReplicas(),
            human(e.lookback()),
            human(e.step()),
            e.marginQuantile() * 100,
            e.maxMargin() * 100,
            e.headroom() * 100,
            e.minAccuracySamples(),
            e.seasonality(),
            e.maxForecastError(),
            human(e.accuracyWindow()),
            human(e.holdDuration()),
            human(e.scaleDownStabilization()),
            human(e.modelReselectEvery()),
            e.schedules().size(),
            e.horizon()
                .map(fixed -> human(fixed) + " (fixed)")
                .orElse("learned pod-ready p95 (the startup delay) + " + human(e.horizonMargin())),
            in.warmUpMinutes()));
    return md.toString();
  }

  /** Contiguous masked minutes, and whether they fall in the training or the test part. */
  static String maskedSpans(Trace trace, int testStart) {
    List<String> spans = new ArrayList<>();
    int i = 0;
    while (i < trace.length()) {
      if (trace.observed(i)) {
        i++;
        continue;
      }
      int start = i;
      while (i < trace.length() && !trace.observed(i)) {
        i++;
      }
      spans.add(
          trace.minute(start)
              + " .. "
              + trace.minute(i - 1)
              + (i <= testStart
                  ? " (training)"
                  : start >= testStart ? " (test)" : " (both parts)"));
    }
    return spans.isEmpty() ? "none" : String.join("; ", spans);
  }

  private static String policies(List<HpaScalingPolicy> policies, String sign) {
    return policies.stream()
        .map(
            p ->
                sign
                    + p.value()
                    + (p.type() == HpaScalingPolicy.Type.PERCENT ? " %" : " pods")
                    + " per "
                    + p.period().toSeconds()
                    + " s")
        .collect(Collectors.joining(" or ", "", policies.size() > 1 ? " (the larger)" : ""));
  }

  public static String human(Duration d) {
    if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
      return d.toDays() + " d";
    }
    if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
      return d.toHours() + " h";
    }
    if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
      return d.toMinutes() + " min";
    }
    return d.toSeconds() + " s";
  }
}
