package io.scalableapp.lab.frontier;

import io.scalableapp.engine.replay.frontier.FrontierPoint;
import io.scalableapp.engine.replay.frontier.ReactiveFrontier;
import io.scalableapp.engine.replay.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.engine.replay.sim.FloorTimeline;
import io.scalableapp.engine.replay.sim.HpaPolicy;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.lab.experiment.ExperimentRunner;
import io.scalableapp.lab.experiment.PlannedRun;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.RunOutcome;
import io.scalableapp.lab.experiment.Scenario;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The reactive HPA swept over {@link ReactiveFrontier#TARGETS} on one scenario: plans the runs (so
 * a caller can run them in parallel with others) and assembles their outcomes into a {@link
 * ReactiveFrontier}. The run at the reference target is the plain "reactive HPA" of the report.
 */
public final class FrontierRuns {

  private final int referenceTarget;
  private final int minReplicas;
  private final IntFunction<HorizontalPodAutoscalerModel> hpa;

  /**
   * @param hpa a fresh HPA model for a CPU target in percent
   */
  public FrontierRuns(
      int referenceTarget, int minReplicas, IntFunction<HorizontalPodAutoscalerModel> hpa) {
    this.referenceTarget = referenceTarget;
    this.minReplicas = minReplicas;
    this.hpa = hpa;
  }

  public List<PlannedRun> plan(Scenario s, HpaVariant variant) {
    // The reference target joins the sweep when it is not one of its steps (an app's own HPA
    // target).
    List<Integer> targets =
        Stream.concat(ReactiveFrontier.TARGETS.stream(), Stream.of(referenceTarget))
            .distinct()
            .sorted()
            .toList();
    return targets.stream()
        .map(
            target -> {
              boolean reference = target == referenceTarget;
              String label = reference ? variant.label() : variant.label() + " at " + target + " %";
              return new PlannedRun(
                  s,
                  reference ? PolicyKind.REACTIVE : PolicyKind.FRONTIER,
                  label,
                  variant,
                  target,
                  () ->
                      new HpaPolicy(
                          label,
                          hpa.apply(target),
                          FloorTimeline.constant(minReplicas),
                          variant.newPipeline(s.workload())));
            })
        .toList();
  }

  /**
   * The frontier of {@code s} and {@code variant} out of a batch of outcomes that contains its
   * runs.
   */
  public static ReactiveFrontier collect(
      List<RunOutcome> outcomes, Scenario s, HpaVariant variant) {
    return new ReactiveFrontier(
        outcomes.stream()
            .filter(
                o ->
                    o.scenario().equals(s)
                        && o.variant() == variant
                        && (o.kind() == PolicyKind.REACTIVE || o.kind() == PolicyKind.FRONTIER))
            .map(
                o ->
                    new FrontierPoint(
                        o.hpaTargetPercent(),
                        o.metrics().replicaHours(),
                        o.metrics().underProvisionedMinutes()))
            .toList());
  }

  /** Runs the sweep on the calling thread. */
  public ReactiveFrontier measure(Scenario s, HpaVariant variant) {
    return collect(plan(s, variant).stream().map(ExperimentRunner::run).toList(), s, variant);
  }
}
