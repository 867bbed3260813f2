package io.scalableapp.lab.jump;

import io.scalableapp.engine.decision.SurgeHold;
import io.scalableapp.engine.replay.frontier.SameCost;
import io.scalableapp.engine.replay.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.engine.replay.metrics.ProvisioningMetrics;
import io.scalableapp.engine.replay.sim.FloorTimeline;
import io.scalableapp.engine.replay.sim.HpaPolicy;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.engine.replay.sim.RecordedFloor;
import io.scalableapp.lab.experiment.PlannedRun;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.RunOutcome;
import io.scalableapp.lab.experiment.Scenario;
import io.scalableapp.lab.frontier.ReactiveEnvelope;
import io.scalableapp.lab.frontier.StabilisationSweep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Chooses a jump floor on the training part only: every {@link #CANDIDATES candidate} runs as the
 * HPA's floor on the last 30 % of the training minutes ({@link Scenario#validation()}), beside the
 * reactive envelope (CPU target x scale-down stabilisation window) of those same minutes, and the
 * candidate with the most fewer under-provisioned minutes than the same-cost HPA is kept if it
 * beats it at all. Re-run with {@code make bench-scaling-tune} (the lab runs it before every
 * report).
 */
public final class JumpFloorTuning {

  /** The lab's HPA target (ScalingLab's reference), at which the surge hold sizes its replicas. */
  static final double HPA_TARGET_UTILIZATION = 0.7;

  /** The HPA's headroom at that target: a bigger one-minute jump outruns it. */
  static final double HPA_HEADROOM_JUMP = 1 / HPA_TARGET_UTILIZATION;

  public static final List<JumpFloor> CANDIDATES =
      Stream.concat(
              Stream.of(0.9, 0.95, 0.99)
                  .flatMap(
                      q ->
                          Stream.of(60, 1440)
                              .flatMap(
                                  history ->
                                      Stream.of(1, 10)
                                          .map(
                                              level ->
                                                  (JumpFloor)
                                                      new ShortTermQuantileFloor(
                                                          q, history, level)))),
              Stream.of(1.25, HPA_HEADROOM_JUMP, 2.0)
                  .flatMap(
                      ratio ->
                          Stream.of(15, 60, 240)
                              .map(
                                  hold ->
                                      (JumpFloor)
                                          new SurgeHoldFloor(
                                              new SurgeHold(ratio, Duration.ofMinutes(hold)),
                                              HPA_TARGET_UTILIZATION))))
          .toList();

  /** One candidate's validation figures. */
  public record Candidate(JumpFloor floor, ProvisioningMetrics metrics, SameCost sameCost) {}

  /**
   * The validation of all candidates for one scenario and HPA variant, and the one kept, if any.
   */
  public record Result(
      Scenario validation,
      HpaVariant variant,
      ReactiveEnvelope envelope,
      List<Candidate> candidates,
      Optional<Candidate> chosen) {}

  private final StabilisationSweep reactive;
  private final int targetPercent;
  private final IntFunction<HorizontalPodAutoscalerModel> hpa;
  private final ToIntFunction<Scenario> horizonMinutes;

  public JumpFloorTuning(
      StabilisationSweep reactive,
      int targetPercent,
      IntFunction<HorizontalPodAutoscalerModel> hpa,
      ToIntFunction<Scenario> horizonMinutes) {
    this.reactive = reactive;
    this.targetPercent = targetPercent;
    this.hpa = hpa;
    this.horizonMinutes = horizonMinutes;
  }

  /** The runs to choose with, on the validation part of {@code s}. */
  public List<PlannedRun> plan(Scenario s, HpaVariant variant) {
    Scenario validation = s.validation();
    List<PlannedRun> runs = new ArrayList<>(reactive.planAll(validation, variant));
    for (JumpFloor candidate : CANDIDATES) {
      runs.add(run(validation, variant, candidate, Optional.empty(), candidate.label()));
    }
    return runs;
  }

  public Result choose(List<RunOutcome> outcomes, Scenario s, HpaVariant variant) {
    Scenario validation = s.validation();
    ReactiveEnvelope envelope = StabilisationSweep.collect(outcomes, validation, variant);
    List<Candidate> candidates = new ArrayList<>();
    for (JumpFloor candidate : CANDIDATES) {
      RunOutcome o =
          outcomes.stream()
              .filter(
                  r ->
                      r.scenario().equals(validation)
                          && r.variant() == variant
                          && r.kind() == PolicyKind.JUMP_FLOOR
                          && r.policy().equals(candidate.label()))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no run for " + candidate.label()));
      candidates.add(
          new Candidate(
              candidate,
              o.metrics(),
              envelope.compare(o.metrics().replicaHours(), o.metrics().underProvisionedMinutes())));
    }
    Optional<Candidate> best =
        candidates.stream()
            .filter(c -> c.sameCost().conclusive() && c.sameCost().reduction() > 0)
            .max(Comparator.comparingDouble(c -> c.sameCost().reduction()));
    return new Result(validation, variant, envelope, candidates, best);
  }

  /**
   * The HPA at the reference target with {@code floor} (and optionally another floor) as
   * minReplicas.
   */
  public PlannedRun run(
      Scenario s, HpaVariant variant, JumpFloor floor, Optional<FloorTimeline> with, String label) {
    return new PlannedRun(
        s,
        PolicyKind.JUMP_FLOOR,
        label,
        variant,
        targetPercent,
        () -> {
          FloorTimeline jump = record(s, floor);
          FloorTimeline combined = with.map(jump::max).orElse(jump);
          return new HpaPolicy(
              label, hpa.apply(targetPercent), combined, variant.newPipeline(s.workload()));
        });
  }

  private RecordedFloor record(Scenario s, JumpFloor floor) {
    int from = s.warmUpFrom();
    return RecordedFloor.of(
        s.trace(),
        from,
        floor.floors(
            s.trace(),
            from,
            s.scoreTo(),
            s.workload().capacityPerReplica(),
            horizonMinutes.applyAsInt(s)));
  }
}
