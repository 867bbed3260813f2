package io.scalableapp.lab.report;

import io.scalableapp.engine.floor.NoiseFloorRule;
import io.scalableapp.engine.floor.NoiseFloorTracker;
import io.scalableapp.engine.replay.frontier.ReactiveFrontier;
import io.scalableapp.engine.replay.frontier.SameCost;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.RunOutcome;
import io.scalableapp.lab.experiment.Scenario;
import io.scalableapp.lab.frontier.ReactiveEnvelope;
import io.scalableapp.lab.frontier.StabilisationSweep;
import io.scalableapp.lab.noise.FloorSource;
import io.scalableapp.lab.noise.NoiseFloorTuning;
import io.scalableapp.lab.trace.TraceCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The headline of issue 15: the policy (noise-sized floor family and knobs, HPA CPU target and
 * scale-down window) chosen on the training part at each replica-hour budget, judged on the test
 * part against the same-cost reactive envelope, with the perfect-forecast ceiling; and, per floor
 * family, the best each managed on the training part.
 */
final class NoiseFloorSection {

  /**
   * On NASA with the realistic HPA, at these budgets: at least this fraction fewer than the
   * envelope.
   */
  static final double NASA_GOAL_REDUCTION = 0.50;

  static final List<Double> NASA_GOAL_BUDGETS = List.of(1.00, 1.10);

  /** Everywhere: never worse than the envelope by more than the larger of these. */
  static final double WORSE_TOLERANCE_MINUTES = 1.0;

  static final double WORSE_TOLERANCE_FRACTION = 0.05;

  private NoiseFloorSection() {}

  static String render(
      List<Scenario> scenarios,
      List<RunOutcome> outcomes,
      List<NoiseFloorTuning.Result> results,
      int referenceTarget) {
    StringBuilder md =
        new StringBuilder("## Headline: noise-sized floors against the same-cost envelope\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            """
                A policy is a floor under the HPA and that HPA's CPU target (%s %%) and scale-down window (%s min). \
                The floors: the engine's noise-sized families (`engine/.../floor`): the forecast peak over [t, t + \
                lead + W) or the mean of the last %d minutes, plus the q-quantile of the errors of the past %d days \
                (actual peak - reference) / reference^k, times reference^k; (q, W min) in {%s}, k in %s (k = 1 is \
                the proportional margin); or no floor at all. The forecast is the engine's %s, made \
                every minute from the 7 days before it. For each budget, a multiple of the replica-hours the HPA at \
                %d %% with the default 5-min window spent on the last 30 %% of the training minutes, the policy with \
                the fewest under-provisioned minutes on those minutes within the budget is chosen (on a tie the HPA \
                alone, then the one with more replica-hours: the operator's `PolicyRanking`); nothing of the test \
                part is seen. The chosen policy then runs on the test part and is compared with the reactive \
                envelope (target %d-%d %% x window 5-%d min, \"Reactive envelope\") at its own test replica-hours. \
                The perfect-forecast ceiling is the floor that knows the actual peak over [t, t + lead), chosen the \
                same way. Goals: on %s with the realistic HPA, at budgets %s, at least %d %% fewer \
                under-provisioned minutes than the envelope; in every row, not worse than the envelope by more than \
                %s minute or %d %%, whichever is larger.

                """,
            join(NoiseFloorTuning.HPA_TARGETS),
            joinMinutes(NoiseFloorTuning.WINDOWS),
            NoiseFloorRule.LEVEL_WINDOW.toMinutes(),
            NoiseFloorTracker.RESIDUAL_WINDOW.toDays(),
            NoiseFloorTuning.KNOBS.stream()
                .map(k -> "(" + k.quantile() + ", " + k.window().toMinutes() + ")")
                .collect(Collectors.joining(", ")),
            exponents(),
            io.scalableapp.lab.noise.ForecastPaths.MODEL,
            referenceTarget,
            ReactiveFrontier.TARGETS.get(0),
            ReactiveFrontier.TARGETS.get(ReactiveFrontier.TARGETS.size() - 1),
            StabilisationSweep.LONGER_WINDOWS
                .get(StabilisationSweep.LONGER_WINDOWS.size() - 1)
                .toMinutes(),
            TraceCatalog.NASA,
            NASA_GOAL_BUDGETS.stream()
                .map(NoiseFloorSection::budget)
                .collect(Collectors.joining(" and ")),
            Math.round(NASA_GOAL_REDUCTION * 100),
            Format.num(WORSE_TOLERANCE_MINUTES, 0),
            Math.round(WORSE_TOLERANCE_FRACTION * 100)));
    MarkdownTable t =
        new MarkdownTable(
            "scenario",
            "HPA",
            "budget",
            "chosen on the training part",
            "replica-hours (x HPA at " + referenceTarget + " %)",
            "under-prov. min",
            "same-cost envelope",
            "vs envelope",
            "goal met",
            "perfect-forecast ceiling: under-prov. min (replica-hours)");
    for (Scenario s : scenarios) {
      for (HpaVariant variant : HpaVariant.values()) {
        ReactiveEnvelope envelope = StabilisationSweep.collect(outcomes, s, variant);
        double reference = referenceReplicaHours(outcomes, s, variant);
        Optional<NoiseFloorTuning.Result> result = resultFor(results, s, variant);
        for (NoiseFloorTuning.Choice c :
            result.map(NoiseFloorTuning.Result::choices).orElse(List.of())) {
          Optional<RunOutcome> run =
              test(outcomes, s, variant, NoiseFloorTuning.testLabel(c.budget(), false));
          Optional<RunOutcome> ceiling =
              test(outcomes, s, variant, NoiseFloorTuning.testLabel(c.budget(), true));
          String ceilingCell =
              ceiling
                  .map(
                      o ->
                          Format.num(o.metrics().underProvisionedMinutes(), 1)
                              + " ("
                              + Format.num(o.metrics().replicaHours(), 0)
                              + ")")
                  .orElse("none within budget");
          if (run.isEmpty()) {
            t.row(
                s.label(),
                variant.label(),
                budget(c.budget()),
                "none within budget",
                "",
                "",
                "",
                "",
                "**no**",
                ceilingCell);
            continue;
          }
          RunOutcome o = run.get();
          SameCost sc =
              envelope.compare(o.metrics().replicaHours(), o.metrics().underProvisionedMinutes());
          t.row(
              s.label(),
              variant.label(),
              budget(c.budget()),
              c.chosen().orElseThrow().policy().label(),
              replicaHoursCell(o.metrics().replicaHours(), reference),
              Format.num(o.metrics().underProvisionedMinutes(), 1),
              envelopeCell(sc),
              LabReport.reduction(sc),
              goalMet(s, variant, c.budget(), sc) ? "yes" : "**no**",
              ceilingCell);
        }
      }
    }
    md.append(t.render()).append('\n');
    md.append(familiesSection(scenarios, results)).append('\n');
    md.append(HindsightSection.render(scenarios, outcomes, results, referenceTarget));
    return md.toString();
  }

  /**
   * Whether a row meets its goals: never worse than the envelope beyond the tolerance; on
   * NASA-realistic, the reduction too.
   */
  static boolean goalMet(Scenario s, HpaVariant variant, double budget, SameCost sc) {
    double excess = sc.underProvisionedMinutes() - sc.frontierUnderProvisionedMinutes();
    boolean notWorse =
        excess
            <= Math.max(
                WORSE_TOLERANCE_MINUTES,
                WORSE_TOLERANCE_FRACTION * sc.frontierUnderProvisionedMinutes());
    boolean nasaGoal =
        s.trace().name().equals(TraceCatalog.NASA)
            && variant == HpaVariant.REALISTIC
            && NASA_GOAL_BUDGETS.contains(budget);
    return notWorse && (!nasaGoal || sc.reduction() >= NASA_GOAL_REDUCTION);
  }

  private static String familiesSection(
      List<Scenario> scenarios, List<NoiseFloorTuning.Result> results) {
    StringBuilder md = new StringBuilder("### Floor families on the training part\n\n");
    md.append(
        """
                For each floor family and exponent k, the best candidate within each budget on the last 30 % of the \
                training minutes (under-provisioned minutes, then its knobs: quantile, W, HPA target/window). \
                "HPA alone" is the tuned reactive HPA over the same targets and windows; the chosen policy of the \
                headline is the best row of its column.

                """);
    MarkdownTable t = new MarkdownTable(header());
    for (Scenario s : scenarios) {
      for (HpaVariant variant : HpaVariant.values()) {
        resultFor(results, s, variant)
            .ifPresent(
                r -> {
                  Map<String, List<NoiseFloorTuning.Candidate>> groups = new LinkedHashMap<>();
                  for (NoiseFloorTuning.Candidate c : r.candidates()) {
                    groups
                        .computeIfAbsent(
                            group(c.policy().floor()), k -> new java.util.ArrayList<>())
                        .add(c);
                  }
                  groups.forEach(
                      (group, candidates) -> {
                        Object[] row = new Object[3 + NoiseFloorTuning.BUDGETS.size()];
                        row[0] = s.label();
                        row[1] = variant.label();
                        row[2] = group;
                        for (int i = 0; i < NoiseFloorTuning.BUDGETS.size(); i++) {
                          double limit =
                              NoiseFloorTuning.BUDGETS.get(i) * r.referenceReplicaHours();
                          row[3 + i] =
                              NoiseFloorTuning.best(candidates.stream(), limit)
                                  .map(NoiseFloorSection::cell)
                                  .orElse("none within budget");
                        }
                        t.row(row);
                      });
                });
      }
    }
    return md.append(t.render()).toString();
  }

  private static String[] header() {
    String[] h = new String[3 + NoiseFloorTuning.BUDGETS.size()];
    h[0] = "scenario";
    h[1] = "HPA";
    h[2] = "floor family";
    for (int i = 0; i < NoiseFloorTuning.BUDGETS.size(); i++) {
      h[3 + i] = "budget " + budget(NoiseFloorTuning.BUDGETS.get(i));
    }
    return h;
  }

  private static String group(FloorSource source) {
    if (source instanceof FloorSource.Rule rule) {
      NoiseFloorRule r = rule.rule();
      return r.family().label()
          + ", k = "
          + (r.exponent() == NoiseFloorRule.PROPORTIONAL
              ? "1 (proportional)"
              : Format.num(r.exponent(), 2));
    }
    return source instanceof FloorSource.Oracle ? "perfect forecast (ceiling)" : source.label();
  }

  private static String cell(NoiseFloorTuning.Candidate c) {
    String knobs =
        c.policy().floor() instanceof FloorSource.Rule rule
            ? String.format(
                Locale.ROOT,
                "p%s, W %d, ",
                Format.num(rule.rule().quantile() * 100, 0),
                rule.rule().window().toMinutes())
            : "";
    return String.format(
        Locale.ROOT,
        "%s (%s%d %%/%d)",
        Format.num(c.metrics().underProvisionedMinutes(), 1),
        knobs,
        c.policy().hpaTargetPercent(),
        c.policy().scaleDownWindow().toMinutes());
  }

  /** e.g. "4,902 (x1.00)": replica-hours and their multiple of the reference HPA's. */
  static String replicaHoursCell(double replicaHours, double reference) {
    return Format.num(replicaHours, 0) + " (x" + Format.num(replicaHours / reference, 2) + ")";
  }

  /** The envelope's minutes at the policy's cost, marked when that cost is outside its range. */
  static String envelopeCell(SameCost sc) {
    return Format.num(sc.frontierUnderProvisionedMinutes(), 1)
        + (sc.position() == SameCost.Position.WITHIN_FRONTIER ? "" : " (outside)");
  }

  /** The search's result for the training part of {@code s} and {@code variant}, if it ran. */
  static Optional<NoiseFloorTuning.Result> resultFor(
      List<NoiseFloorTuning.Result> results, Scenario s, HpaVariant variant) {
    return results.stream()
        .filter(r -> r.validation().equals(s.validation()) && r.variant() == variant)
        .findFirst();
  }

  /** The replica-hours the reference HPA spent on {@code s}: the unit of the budgets. */
  static double referenceReplicaHours(List<RunOutcome> outcomes, Scenario s, HpaVariant variant) {
    return outcomes.stream()
        .filter(
            o ->
                o.scenario().equals(s) && o.variant() == variant && o.kind() == PolicyKind.REACTIVE)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no reference HPA run on " + s.label()))
        .metrics()
        .replicaHours();
  }

  static Optional<RunOutcome> test(
      List<RunOutcome> outcomes, Scenario s, HpaVariant variant, String label) {
    return outcomes.stream()
        .filter(
            o ->
                o.scenario().equals(s)
                    && o.variant() == variant
                    && o.kind() == PolicyKind.NOISE_FLOOR
                    && o.policy().equals(label))
        .findFirst();
  }

  /** e.g. "{0.5, 1.0} (forecast), {0.5, 0.75, 1.0} (recent level)", in the families' order. */
  private static String exponents() {
    return java.util.Arrays.stream(io.scalableapp.engine.floor.FloorFamily.values())
        .map(
            f ->
                NoiseFloorTuning.EXPONENTS.get(f).stream()
                        .map(String::valueOf)
                        .collect(Collectors.joining(", ", "{", "}"))
                    + " ("
                    + f.label()
                    + ")")
        .collect(Collectors.joining(", "));
  }

  static String budget(double b) {
    return String.format(Locale.ROOT, "%.2fx", b);
  }

  private static String join(List<Integer> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static String joinMinutes(List<java.time.Duration> values) {
    return values.stream()
        .map(d -> String.valueOf(d.toMinutes()))
        .collect(Collectors.joining(", "));
  }
}
