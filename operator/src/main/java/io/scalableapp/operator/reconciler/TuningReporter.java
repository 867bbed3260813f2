package io.scalableapp.operator.reconciler;

import io.scalableapp.engine.auto.PolicyChoice;
import io.scalableapp.engine.auto.TunedPolicy;
import io.scalableapp.engine.auto.TuningVerdict;
import io.scalableapp.engine.text.DurationText;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.api.TuningStatus;
import io.scalableapp.operator.api.translate.TuningSpecs;
import io.scalableapp.operator.api.translate.TuningText;
import io.scalableapp.operator.events.EventRecorder;
import io.scalableapp.operator.prediction.PredictionOutcome;
import io.scalableapp.operator.status.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * spec.autoscaling.tuning in status, the Tuned condition and Events: the policy that runs, and
 * every change.
 */
final class TuningReporter {
  static final String TUNED = "Tuned";
  static final String POLICY_CHANGED = "PolicyChanged";
  static final String SEARCH_FAILED = "PolicySearchFailed";

  private TuningReporter() {}

  static void report(
      ScalableApp app,
      Optional<PredictionOutcome> outcome,
      ScalableAppStatus status,
      EventRecorder events,
      Instant now) {
    long generation = Objects.requireNonNullElse(app.getMetadata().getGeneration(), 0L);
    if (TuningSpecs.of(app).isEmpty()) {
      status.setTuning(null);
      status.setConditions(Conditions.remove(status.getConditions(), TUNED));
      return;
    }
    Optional<TuningStatus> recorded =
        Optional.ofNullable(app.getStatus()).map(ScalableAppStatus::getTuning);
    TuningVerdict v = outcome.map(PredictionOutcome::tuning).orElse(null);
    if (v == null) { // not searched by this process yet: keep what was recorded
      status.setTuning(recorded.orElse(null));
      if (recorded.isEmpty()) {
        status.setConditions(
            Conditions.set(
                status.getConditions(),
                TUNED,
                false,
                "NotSearchedYet",
                "The first search runs once prediction has fetched the app's demand history; your HPA runs as written",
                generation,
                now));
      }
      return;
    }
    TuningStatus fresh = status(app, v, recorded, now);
    status.setTuning(fresh);
    boolean searched =
        List.of("Applied", "Recommended", "NotValidated").contains(fresh.getReason());
    status.setConditions(
        Conditions.set(
            status.getConditions(),
            TUNED,
            searched,
            fresh.getReason(),
            fresh.getMessage(),
            generation,
            now));
    // A switch is reported whatever caused it: a new verdict, or tuning.mode turned to Apply or
    // back.
    TunedPolicy before =
        recorded.flatMap(TuningText::recordedRunning).orElse(TuningSpecs.user(app));
    TunedPolicy running = TuningText.recordedRunning(fresh).orElseThrow();
    if (!running.equals(before)) {
      events.normal(
          app,
          POLICY_CHANGED,
          "Tuning switched from "
              + TuningText.policy(before)
              + " to "
              + TuningText.policy(running)
              + ": "
              + fresh.getMessage());
    } else if ("SearchFailed".equals(fresh.getReason())
        && !recorded.map(r -> "SearchFailed".equals(r.getReason())).orElse(false)) {
      events.warning(app, SEARCH_FAILED, "Tuning " + fresh.getMessage());
    }
  }

  static TuningStatus status(
      ScalableApp app, TuningVerdict v, Optional<TuningStatus> recorded, Instant now) {
    boolean applies = TuningSpecs.applies(app);
    TunedPolicy running = applies ? v.running() : TuningSpecs.user(app);
    TuningStatus s = new TuningStatus();
    s.setReason(reason(v, applies));
    s.setMessage(
        TuningText.message(v)
            + (applies || !"Recommended".equals(s.getReason())
                ? ""
                : "; tuning.mode Recommend leaves your HPA running: set it to Apply to run the chosen policy"));
    s.setEvaluatedAt(time(v.at()));
    s.setHistory(
        DurationText.format(v.held()) + " of " + DurationText.format(v.needed()) + " needed");
    s.setRunning(TuningText.status(running));
    boolean same = recorded.flatMap(TuningText::recordedRunning).map(running::equals).orElse(false);
    s.setSince(same ? recorded.get().getSince() : time(now));
    v.choice().ifPresent(c -> figures(s, c));
    return s;
  }

  private static void figures(TuningStatus s, PolicyChoice c) {
    s.setTraining(DurationText.format(Duration.between(c.trainFrom(), c.validateFrom())));
    s.setValidation(DurationText.format(Duration.between(c.validateFrom(), c.to())));
    s.setPoints(c.points());
    s.setCandidates(c.candidates());
    s.setBudgetReplicaHours(String.format(Locale.ROOT, "%.2f", c.budgetReplicaHours()));
    s.setYourHpa(TuningText.status(c.user()));
    s.setEnvelope(TuningText.status(c.envelope()));
    s.setChosen(TuningText.status(c.chosen()));
  }

  static String reason(TuningVerdict v, boolean applies) {
    return switch (v.outcome()) {
      case SEARCHED ->
          v.choice().map(PolicyChoice::applied).orElse(false)
              ? (applies ? "Applied" : "Recommended")
              : "NotValidated";
      case INSUFFICIENT_HISTORY -> "InsufficientHistory";
      case NO_HPA -> "NoHorizontalPodAutoscaler";
      case FAILED -> "SearchFailed";
    };
  }

  private static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
