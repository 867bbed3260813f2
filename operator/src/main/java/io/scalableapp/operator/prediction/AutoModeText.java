package io.scalableapp.operator.prediction;

import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.auto.AutoVerdict;
import io.scalableapp.engine.auto.ReplayEvidence;
import io.scalableapp.engine.replay.frontier.SameCost;
import io.scalableapp.engine.text.DurationText;
import java.util.Locale;

/** prediction.mode Auto's verdicts in words, for status, Events and the log alike. */
public final class AutoModeText {
  private AutoModeText() {}

  public static String message(AutoVerdict v) {
    String mode = modeName(v.mode());
    return switch (v.outcome()) {
      case PROMOTED ->
          "promoted the app to Enforce: the forecast floor beat the HPA at the same cost on the app's "
              + "own history: "
              + figures(v.evidence().orElseThrow());
      case DEMOTED ->
          "demoted the app to Shadow: the forecast floor no longer beats the HPA at the same cost on the "
              + "app's own history: "
              + figures(v.evidence().orElseThrow());
      case STILL_BEATING -> "keeps Enforce: " + figures(v.evidence().orElseThrow());
      case NOT_BEATING ->
          "keeps Shadow: the forecast floor does not beat the HPA at the same cost by the promotion "
              + "margin: "
              + figures(v.evidence().orElseThrow());
      case INSUFFICIENT_HISTORY ->
          "keeps "
              + mode
              + ": the app has "
              + DurationText.format(v.held())
              + " of demand history, a verdict needs "
              + DurationText.format(v.needed())
              + " (the first half warms the replayed forecast up, the rest is scored)";
      case NO_HPA ->
          "keeps "
              + mode
              + ": no HPA runs for the app (see the Autoscaling condition), so there is no "
              + "reactive baseline to compare the forecast with";
      case FAILED -> "keeps " + mode + ": " + v.problem() + "; retried automatically";
    };
  }

  /**
   * E.g. "forecast floor 12.0 under-provisioned min, 410.3 replica-h; same-cost HPA 57.0 min (-79
   * %); ...". The same-cost HPA is the envelope's: the best HPA alone at that cost over CPU target
   * and scale-down window.
   */
  public static String figures(ReplayEvidence e) {
    SameCost c = e.forecast();
    String change =
        Double.isFinite(e.reduction())
            ? String.format(Locale.ROOT, "%+.0f %%", 0.0 - e.reduction() * 100)
            : "none missed by the HPA";
    String comparable =
        switch (c.position()) {
          case WITHIN_FRONTIER -> "";
          case CHEAPER_THAN_FRONTIER ->
              ", compared with the envelope's cheapest HPA, which costs more";
          case COSTLIER_THAN_FRONTIER ->
              ", costlier than every HPA of the envelope, so not comparable";
        };
    return String.format(
        Locale.ROOT,
        "forecast floor %.1f under-provisioned min, %.1f replica-h; same-cost HPA "
            + "%.1f min (%s%s); HPA alone %.1f min, %.1f replica-h (forecast %+.0f %% replica-h); over the last %s "
            + "(%d points)",
        c.underProvisionedMinutes(),
        c.replicaHours(),
        c.frontierUnderProvisionedMinutes(),
        change,
        comparable,
        e.reactiveUnderProvisionedMinutes(),
        e.reactiveReplicaHours(),
        e.extraCost() * 100,
        DurationText.format(e.scored()),
        e.points());
  }

  public static String modeName(ScalingMode mode) {
    return mode == ScalingMode.ENFORCE ? "Enforce" : "Shadow";
  }
}
