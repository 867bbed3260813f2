package io.scalableapp.lab.noise;

import io.scalableapp.engine.auto.PolicyRanking;
import io.scalableapp.engine.floor.FloorFamily;
import io.scalableapp.engine.floor.NoiseFloorRule;
import io.scalableapp.engine.floor.NoiseFloorTracker;
import io.scalableapp.engine.replay.metrics.ProvisioningMetrics;
import io.scalableapp.engine.replay.sim.FloorTimeline;
import io.scalableapp.engine.replay.sim.HpaPolicy;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.experiment.ExperimentRunner;
import io.scalableapp.lab.experiment.PlannedRun;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.RunOutcome;
import io.scalableapp.lab.experiment.Scenario;
import io.scalableapp.lab.frontier.StabilisationSweep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Chooses the policy (floor family and knobs, HPA CPU target and scale-down window) on the training
 * part only, as {@code JumpFloorTuning} does for the jump floors: every {@link #candidates()
 * candidate} runs on the last 30 % of the training minutes ({@link Scenario#validation()}), and for
 * each {@link #BUDGETS budget} (a multiple of the replica-hours the reference HPA spent on those
 * minutes) the best candidate within it by the operator's {@link PolicyRanking} is kept; the
 * perfect-forecast floor is chosen the same way, as the ceiling. The HPA alone is a candidate too,
 * so the search never has to take a floor that does not pay.
 */
public final class NoiseFloorTuning {

  public static final List<Double> BUDGETS = List.of(1.00, 1.10, 1.25);
  public static final List<Integer> HPA_TARGETS = List.of(60, 70, 75, 80, 85);
  public static final List<Duration> WINDOWS =
      List.of(Duration.ofMinutes(5), Duration.ofMinutes(15));

  /** A floor's quantile with the window W its span reaches beyond the lead. */
  public record Knobs(double quantile, Duration window) {}

  /**
   * The (q, W) pairs tried: a lower quantile with a longer span and a higher one with a shorter
   * span cover the same spikes at different costs, so the grid runs along that diagonal instead of
   * the whole square (the machine the report is made on has two cores).
   */
  public static final List<Knobs> KNOBS =
      List.of(
          new Knobs(0.5, Duration.ofMinutes(30)),
          new Knobs(0.75, Duration.ofMinutes(10)),
          new Knobs(0.75, Duration.ofMinutes(30)),
          new Knobs(0.9, Duration.ZERO),
          new Knobs(0.9, Duration.ofMinutes(10)),
          new Knobs(0.99, Duration.ZERO));

  /**
   * The exponents k tried per family: the forecast family is the costlier to replay and lost on
   * NASA in the probes. The recent level reaches down to a constant margin (k = 0): on NASA the
   * validation figures improved from k = 1 to 0.5, so the search must be free to go further (more
   * headroom at night, where a replica is cheap, and less at the peak).
   */
  public static final Map<FloorFamily, List<Double>> EXPONENTS =
      Map.of(
          FloorFamily.RECENT_LEVEL,
          List.of(0.0, 0.25, NoiseFloorRule.SQRT, 0.75, NoiseFloorRule.PROPORTIONAL),
          FloorFamily.FORECAST,
          List.of(NoiseFloorRule.SQRT, NoiseFloorRule.PROPORTIONAL));

  static final Duration LONGEST_SPAN =
      KNOBS.stream().map(Knobs::window).max(Duration::compareTo).orElseThrow();

  /**
   * Every floor source tried: both families with their exponents and knobs, the HPA alone, and the
   * ceiling.
   */
  public static List<FloorSource> sources() {
    List<FloorSource> sources = new ArrayList<>();
    sources.add(new FloorSource.None());
    for (FloorFamily family : FloorFamily.values()) {
      for (double k : EXPONENTS.get(family)) {
        for (Knobs knobs : KNOBS) {
          sources.add(
              new FloorSource.Rule(
                  new NoiseFloorRule(family, knobs.quantile(), k, knobs.window())));
        }
      }
    }
    sources.add(new FloorSource.Oracle(Duration.ZERO));
    return sources;
  }

  public static List<NoisePolicy> candidates() {
    return sources().stream()
        .flatMap(
            source ->
                HPA_TARGETS.stream()
                    .flatMap(
                        target ->
                            WINDOWS.stream()
                                .map(window -> new NoisePolicy(source, target, window))))
        .toList();
  }

  /** One candidate's validation figures. */
  public record Candidate(NoisePolicy policy, ProvisioningMetrics metrics) {}

  /**
   * The candidate kept within one budget, if any fits, and the ceiling (perfect forecast) within
   * it.
   */
  public record Choice(
      double budget,
      double budgetReplicaHours,
      Optional<Candidate> chosen,
      Optional<Candidate> ceiling) {}

  /**
   * The validation of every candidate for one scenario and HPA variant, and the choice per budget.
   */
  public record Result(
      Scenario validation,
      HpaVariant variant,
      double referenceReplicaHours,
      List<Candidate> candidates,
      List<Choice> choices) {}

  private final StabilisationSweep sweep;
  private final ToIntFunction<Scenario> leadMinutes;
  private final int minReplicas;
  private NoiseFloors floors;

  public NoiseFloorTuning(
      StabilisationSweep sweep, int minReplicas, ToIntFunction<Scenario> leadMinutes) {
    this.sweep = sweep;
    this.minReplicas = minReplicas;
    this.leadMinutes = leadMinutes;
  }

  /**
   * Forecasts every minute the scenarios' validation and test runs need (both parts, their warm-up
   * and residual history).
   */
  public void prepare(ExperimentRunner runner, List<Scenario> scenarios) {
    Map<Trace, ForecastPaths> paths = new LinkedHashMap<>();
    for (Scenario s : scenarios) {
      if (paths.containsKey(s.trace())) {
        continue;
      }
      List<Scenario> same = scenarios.stream().filter(o -> o.trace() == s.trace()).toList();
      int steps =
          same.stream().mapToInt(leadMinutes::applyAsInt).max().orElseThrow()
              + (int) LONGEST_SPAN.toMinutes();
      int from =
          same.stream().mapToInt(o -> o.validation().warmUpFrom()).min().orElseThrow()
              - NoiseFloorTracker.RESIDUAL_MINUTES
              - steps;
      paths.put(
          s.trace(),
          ForecastPaths.compute(
              runner,
              s.trace(),
              s.split().testStart(),
              Math.max(0, from),
              s.trace().length(),
              steps));
    }
    floors = new NoiseFloors(minReplicas, paths);
  }

  /** The candidate runs on the validation part of {@code s}. */
  public List<PlannedRun> plan(Scenario s, HpaVariant variant) {
    Scenario validation = s.validation();
    return candidates().stream().map(p -> run(validation, variant, p, p.label())).toList();
  }

  /**
   * The choice per budget out of a batch of outcomes holding the candidates' runs and the reference
   * HPA's ({@link PolicyKind#REACTIVE}) on the validation part.
   */
  public Result choose(List<RunOutcome> outcomes, Scenario s, HpaVariant variant) {
    Scenario validation = s.validation();
    double reference =
        outcomes.stream()
            .filter(
                o ->
                    o.scenario().equals(validation)
                        && o.variant() == variant
                        && o.kind() == PolicyKind.REACTIVE)
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("no reference HPA run on " + validation.label()))
            .metrics()
            .replicaHours();
    Map<String, RunOutcome> byLabel = new LinkedHashMap<>();
    outcomes.stream()
        .filter(
            o ->
                o.scenario().equals(validation)
                    && o.variant() == variant
                    && o.kind() == PolicyKind.NOISE_FLOOR)
        .forEach(o -> byLabel.put(o.policy(), o));
    List<Candidate> candidates = new ArrayList<>();
    for (NoisePolicy p : candidates()) {
      RunOutcome o = byLabel.get(p.label());
      if (o == null) {
        throw new IllegalStateException("no validation run for " + p.label());
      }
      candidates.add(new Candidate(p, o.metrics()));
    }
    List<Choice> choices = new ArrayList<>();
    for (double budget : BUDGETS) {
      double limit = budget * reference;
      choices.add(
          new Choice(
              budget,
              limit,
              best(
                  candidates.stream()
                      .filter(c -> !(c.policy().floor() instanceof FloorSource.Oracle)),
                  limit),
              best(
                  candidates.stream().filter(c -> c.policy().floor() instanceof FloorSource.Oracle),
                  limit)));
    }
    return new Result(validation, variant, reference, candidates, choices);
  }

  /** The best candidate within the budget by the operator's own {@link PolicyRanking}. */
  public static Optional<Candidate> best(Stream<Candidate> candidates, double budgetReplicaHours) {
    return candidates
        .filter(c -> c.metrics().replicaHours() <= budgetReplicaHours)
        .min(
            PolicyRanking.bestFirst(
                c -> c.metrics().underProvisionedMinutes(),
                c -> c.policy().floor() instanceof FloorSource.None,
                c -> c.metrics().replicaHours()));
  }

  /** The chosen policies of {@code result} on the test scenario {@code s}. */
  public List<PlannedRun> testRuns(Scenario s, Result result) {
    List<PlannedRun> runs = new ArrayList<>();
    for (Choice c : result.choices()) {
      c.chosen()
          .ifPresent(
              k -> runs.add(run(s, result.variant(), k.policy(), testLabel(c.budget(), false))));
      c.ceiling()
          .ifPresent(
              k -> runs.add(run(s, result.variant(), k.policy(), testLabel(c.budget(), true))));
    }
    return runs;
  }

  /**
   * Every candidate but the ceiling on the test scenario {@code s}, for the report's hindsight
   * table: what the rule would have chosen had it seen the test part. Never a choice.
   */
  public List<PlannedRun> hindsightRuns(Scenario s, Result result) {
    return hindsightCandidates().stream()
        .map(p -> run(s, result.variant(), p, hindsightLabel(p), PolicyKind.NOISE_FLOOR_HINDSIGHT))
        .toList();
  }

  /** The candidates a user could run: all but the perfect-forecast ceiling. */
  public static List<NoisePolicy> hindsightCandidates() {
    return candidates().stream().filter(p -> !(p.floor() instanceof FloorSource.Oracle)).toList();
  }

  /** How the report finds a candidate's run on the test part. */
  public static String hindsightLabel(NoisePolicy p) {
    return "hindsight: " + p.label();
  }

  /** How the report finds the test run of a budget's choice (or ceiling). */
  public static String testLabel(double budget, boolean ceiling) {
    return String.format(
        Locale.ROOT,
        "%s, budget x%.2f",
        ceiling ? "perfect-forecast ceiling" : "chosen policy",
        budget);
  }

  private PlannedRun run(Scenario s, HpaVariant variant, NoisePolicy p, String label) {
    return run(s, variant, p, label, PolicyKind.NOISE_FLOOR);
  }

  private PlannedRun run(
      Scenario s, HpaVariant variant, NoisePolicy p, String label, PolicyKind kind) {
    return new PlannedRun(
        s,
        kind,
        label,
        variant,
        p.hpaTargetPercent(),
        () -> {
          FloorTimeline floor = floors().floor(s, p.floor(), leadMinutes.applyAsInt(s));
          return new HpaPolicy(
              label,
              sweep.hpa(p.hpaTargetPercent(), p.scaleDownWindow()),
              floor,
              variant.newPipeline(s.workload()));
        });
  }

  private NoiseFloors floors() {
    if (floors == null) {
      throw new IllegalStateException("prepare() the forecasts before running the noise floors");
    }
    return floors;
  }
}
