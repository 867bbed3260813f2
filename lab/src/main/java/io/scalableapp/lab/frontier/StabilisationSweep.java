package io.scalableapp.lab.frontier;

import io.scalableapp.engine.replay.frontier.FrontierPoint;
import io.scalableapp.engine.replay.frontier.ReactiveFrontier;
import io.scalableapp.engine.replay.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.engine.replay.hpa.HpaSettings;
import io.scalableapp.engine.replay.sim.FloorTimeline;
import io.scalableapp.engine.replay.sim.HpaPolicy;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.lab.experiment.ExperimentRunner;
import io.scalableapp.lab.experiment.PlannedRun;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.RunOutcome;
import io.scalableapp.lab.experiment.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The reactive HPA's second knob: the CPU targets of {@link ReactiveFrontier#TARGETS} crossed with
 * longer scale-down stabilisation windows. A long window holds the highest recommendation of the
 * last minutes, which is the reactive answer to bursty traffic; the lower envelope of both knobs
 * ({@link ReactiveEnvelope}) is the strongest same-cost reactive baseline the lab measures. The
 * default window's points are {@link FrontierRuns}'.
 */
public final class StabilisationSweep {

  /**
   * Windows swept besides the Kubernetes default (5 min), which the target frontier already covers.
   */
  public static final List<Duration> LONGER_WINDOWS =
      List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(60));

  /** The Kubernetes default window, at which {@link FrontierRuns} sweeps the targets. */
  static final Duration DEFAULT_WINDOW =
      HpaSettings.kubernetesDefaults(70, 1).scaleDownStabilization();

  private final FrontierRuns defaultWindow;
  private final int minReplicas;
  private final HpaSettings base;

  /**
   * @param base the HPA every sweep point starts from (its behavior and maxReplicas); points change
   *     target and window
   */
  public StabilisationSweep(FrontierRuns defaultWindow, int minReplicas, HpaSettings base) {
    this.defaultWindow = defaultWindow;
    this.minReplicas = minReplicas;
    this.base = base;
  }

  /**
   * The runs of the longer windows only (the default window's come from {@link FrontierRuns#plan}).
   */
  public List<PlannedRun> plan(Scenario s, HpaVariant variant) {
    List<PlannedRun> runs = new ArrayList<>();
    for (Duration window : LONGER_WINDOWS) {
      for (int target : ReactiveFrontier.TARGETS) {
        String label = label(variant, target, window);
        runs.add(
            new PlannedRun(
                s,
                PolicyKind.STABILISATION_SWEEP,
                label,
                variant,
                target,
                () ->
                    new HpaPolicy(
                        label,
                        hpa(target, window),
                        FloorTimeline.constant(minReplicas),
                        variant.newPipeline(s.workload()))));
      }
    }
    return runs;
  }

  /** Both sweeps: the default window's and the longer ones. */
  public List<PlannedRun> planAll(Scenario s, HpaVariant variant) {
    List<PlannedRun> runs = new ArrayList<>(defaultWindow.plan(s, variant));
    runs.addAll(plan(s, variant));
    return runs;
  }

  /**
   * The envelope of {@code s} and {@code variant} out of a batch of outcomes that holds both
   * sweeps' runs.
   */
  public static ReactiveEnvelope collect(
      List<RunOutcome> outcomes, Scenario s, HpaVariant variant) {
    List<SweepPoint> points = new ArrayList<>();
    for (FrontierPoint p : FrontierRuns.collect(outcomes, s, variant).points()) {
      points.add(
          new SweepPoint(
              p.targetPercent(), DEFAULT_WINDOW, p.replicaHours(), p.underProvisionedMinutes()));
    }
    for (RunOutcome o : outcomes) {
      if (o.scenario().equals(s)
          && o.variant() == variant
          && o.kind() == PolicyKind.STABILISATION_SWEEP) {
        points.add(
            new SweepPoint(
                o.hpaTargetPercent(),
                windowOf(o, variant),
                o.metrics().replicaHours(),
                o.metrics().underProvisionedMinutes()));
      }
    }
    return new ReactiveEnvelope(points);
  }

  /** Runs both sweeps on the calling thread. */
  public ReactiveEnvelope measure(Scenario s, HpaVariant variant) {
    return collect(planAll(s, variant).stream().map(ExperimentRunner::run).toList(), s, variant);
  }

  /**
   * A fresh HPA model at {@code target} with a scale-down stabilisation window of {@code window}.
   */
  public HorizontalPodAutoscalerModel hpa(int target, Duration window) {
    return new HorizontalPodAutoscalerModel(settings(target, window));
  }

  HpaSettings settings(int target, Duration window) {
    return base.withTarget(target).withScaleDownStabilization(window);
  }

  private static String label(HpaVariant variant, int target, Duration window) {
    return variant.label()
        + " at "
        + target
        + " %, scale-down window "
        + window.toMinutes()
        + " min";
  }

  private static Duration windowOf(RunOutcome o, HpaVariant variant) {
    for (Duration window : LONGER_WINDOWS) {
      if (o.policy().equals(label(variant, o.hpaTargetPercent(), window))) {
        return window;
      }
    }
    throw new IllegalStateException("not a stabilisation sweep run: " + o.policy());
  }
}
