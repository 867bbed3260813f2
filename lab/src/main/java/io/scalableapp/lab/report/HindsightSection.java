package io.scalableapp.lab.report;

import io.scalableapp.engine.replay.frontier.SameCost;
import io.scalableapp.engine.replay.metrics.ProvisioningMetrics;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.RunOutcome;
import io.scalableapp.lab.experiment.Scenario;
import io.scalableapp.lab.frontier.ReactiveEnvelope;
import io.scalableapp.lab.frontier.StabilisationSweep;
import io.scalableapp.lab.noise.NoiseFloorTuning;
import io.scalableapp.lab.noise.NoisePolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The headline's rule applied with hindsight: every candidate runs on the test part and the one the
 * rule prefers there within each budget is shown against the envelope. It separates what choosing
 * on the training part loses (the headline against this table) from what the grid of floors and HPA
 * settings can do at that cost at all (this table against the goal).
 */
final class HindsightSection {

  private HindsightSection() {}

  static String render(
      List<Scenario> scenarios,
      List<RunOutcome> outcomes,
      List<NoiseFloorTuning.Result> results,
      int referenceTarget) {
    StringBuilder md = new StringBuilder("### The grid in hindsight\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            """
                Not a choice anyone could make: every candidate of the headline's grid (the perfect forecast \
                excepted) also runs on the test part, and the headline's rule picks among those test runs: the \
                fewest under-provisioned minutes within the budget, now a multiple of the HPA at %d %%'s test \
                replica-hours. "Chosen on the training part" repeats the headline's figure. The hindsight row has \
                the fewest minutes the grid reaches within the budget; its reduction against the envelope can still \
                be smaller than the headline's, since each policy is compared at its own replica-hours.

                """,
            referenceTarget));
    MarkdownTable t =
        new MarkdownTable(
            "scenario",
            "HPA",
            "budget",
            "best on the test part",
            "replica-hours (x HPA at " + referenceTarget + " %)",
            "under-prov. min",
            "same-cost envelope",
            "vs envelope",
            "chosen on the training part: vs envelope");
    for (Scenario s : scenarios) {
      for (HpaVariant variant : HpaVariant.values()) {
        if (NoiseFloorSection.resultFor(results, s, variant).isEmpty()) {
          continue;
        }
        ReactiveEnvelope envelope = StabilisationSweep.collect(outcomes, s, variant);
        double reference = NoiseFloorSection.referenceReplicaHours(outcomes, s, variant);
        List<NoiseFloorTuning.Candidate> onTest = testRuns(outcomes, s, variant);
        for (double budget : NoiseFloorTuning.BUDGETS) {
          String chosen =
              NoiseFloorSection.test(
                      outcomes, s, variant, NoiseFloorTuning.testLabel(budget, false))
                  .map(o -> LabReport.reduction(compare(envelope, o.metrics())))
                  .orElse("none within budget");
          Optional<NoiseFloorTuning.Candidate> best =
              NoiseFloorTuning.best(onTest.stream(), budget * reference);
          if (best.isEmpty()) {
            t.row(
                s.label(),
                variant.label(),
                NoiseFloorSection.budget(budget),
                "none within budget",
                "",
                "",
                "",
                "",
                chosen);
            continue;
          }
          NoiseFloorTuning.Candidate c = best.get();
          SameCost sc = compare(envelope, c.metrics());
          t.row(
              s.label(),
              variant.label(),
              NoiseFloorSection.budget(budget),
              c.policy().label(),
              NoiseFloorSection.replicaHoursCell(c.metrics().replicaHours(), reference),
              Format.num(c.metrics().underProvisionedMinutes(), 1),
              NoiseFloorSection.envelopeCell(sc),
              LabReport.reduction(sc),
              chosen);
        }
      }
    }
    return md.append(t.render()).toString();
  }

  private static SameCost compare(ReactiveEnvelope envelope, ProvisioningMetrics m) {
    return envelope.compare(m.replicaHours(), m.underProvisionedMinutes());
  }

  /** Every candidate's test run; a candidate without one means the lab did not plan it. */
  private static List<NoiseFloorTuning.Candidate> testRuns(
      List<RunOutcome> outcomes, Scenario s, HpaVariant variant) {
    Map<String, RunOutcome> byLabel = new HashMap<>();
    for (RunOutcome o : outcomes) {
      if (o.scenario().equals(s)
          && o.variant() == variant
          && o.kind() == PolicyKind.NOISE_FLOOR_HINDSIGHT) {
        byLabel.put(o.policy(), o);
      }
    }
    List<NoiseFloorTuning.Candidate> runs = new ArrayList<>();
    for (NoisePolicy p : NoiseFloorTuning.hindsightCandidates()) {
      RunOutcome o = byLabel.get(NoiseFloorTuning.hindsightLabel(p));
      if (o == null) {
        throw new IllegalStateException("no test run of " + p.label() + " on " + s.label());
      }
      runs.add(new NoiseFloorTuning.Candidate(p, o.metrics()));
    }
    return runs;
  }
}
