package io.scalableapp.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.scalableapp.engine.Reason;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.schedule.ActiveSchedule;
import io.scalableapp.engine.schedule.FloorSchedule;
import io.scalableapp.engine.text.DurationText;
import io.scalableapp.operator.api.ActiveScheduleStatus;
import io.scalableapp.operator.api.AutoModeStatus;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.PredictionStatus;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.api.ScalingDecision;
import io.scalableapp.operator.dependent.Pause;
import io.scalableapp.operator.events.EventRecorder;
import io.scalableapp.operator.prediction.PredictionFailure;
import io.scalableapp.operator.prediction.PredictionOutcome;
import io.scalableapp.operator.prediction.PredictionService;
import io.scalableapp.operator.prediction.ReportedRecommendation;
import io.scalableapp.operator.status.Conditions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the engine's latest recommendation into status, the MetricsAvailable condition and Events.
 */
final class PredictionReporter {
  static final String METRICS_AVAILABLE = "MetricsAvailable";
  static final String PREDICTING = "Predicting";

  private PredictionReporter() {}

  /** Adds the prediction part of {@code status} (in place) and records the Events it calls for. */
  static void report(
      ScalableApp app,
      Optional<PredictionOutcome> latest,
      ScalableAppStatus status,
      EventRecorder events,
      Instant now) {
    boolean predicted = PredictionService.isPredicted(app);
    long generation = app.getMetadata().getGeneration();
    if (predicted && latest.isPresent()) {
      PredictionOutcome outcome = latest.get();
      recordFailureEvents(app, outcome.failed(), events);
      AutoModeStatus autoMode = AutoModeReporter.status(app, outcome);
      AutoModeReporter.recordEvents(app, autoMode, events);
      status.setConditions(
          predictingCondition(
              status.getConditions(),
              outcome.failed(),
              generation,
              now,
              AutoModeReporter.conditionNote(autoMode)));
      Recommendation r = outcome.recommendation();
      if (r != null) {
        PredictionStatus fresh = status(r);
        recordEvents(app, r, fresh, outcome.failed().isEmpty(), events);
        fresh.setAutoMode(autoMode);
        status.setPrediction(unlessSameDecision(app, fresh));
      } else {
        status.setPrediction(app.getStatus() == null ? null : app.getStatus().getPrediction());
      }
      if (r != null && outcome.failed().isEmpty()) {
        // After a failure the held recommendation says nothing about the metrics; keep what was
        // known.
        status.setConditions(metricsCondition(status.getConditions(), r, generation, now));
      }
    } else if (predicted) {
      // Not evaluated yet since a restart: keep what the last evaluation reported.
      status.setPrediction(app.getStatus() == null ? null : app.getStatus().getPrediction());
    } else {
      status.setConditions(
          status.getConditions().stream()
              .filter(
                  c -> !METRICS_AVAILABLE.equals(c.getType()) && !PREDICTING.equals(c.getType()))
              .toList());
    }
  }

  /**
   * The last reported status when {@code fresh} only repeats its decision at a later time:
   * re-stamping an unchanged decision on every evaluation would write every predicted app's status
   * each interval, the bulk of a fleet's API writes at rest, with nothing new for anyone to read.
   */
  static PredictionStatus unlessSameDecision(ScalableApp app, PredictionStatus fresh) {
    PredictionStatus last = app.getStatus() == null ? null : app.getStatus().getPrediction();
    if (last == null || last.getLastDecision() == null || fresh.getLastDecision() == null) {
      return fresh;
    }
    String freshTime = fresh.getLastDecision().getTime();
    fresh.getLastDecision().setTime(last.getLastDecision().getTime());
    if (fresh.equals(last)) {
      return last;
    }
    fresh.getLastDecision().setTime(freshTime);
    return fresh;
  }

  static PredictionStatus status(Recommendation r) {
    PredictionStatus s = new PredictionStatus();
    s.setMode(r.mode().name().charAt(0) + r.mode().name().substring(1).toLowerCase(Locale.ROOT));
    s.setForecast(number(r.forecast().next()));
    s.setForecastPeak(number(r.forecast().peak()));
    s.setHorizon(DurationText.format(r.forecast().horizon()));
    s.setRecommendedReplicas(r.floor());
    s.setModel(r.forecast().model() == null ? null : r.forecast().model().name());
    s.setRecentErrorPercent(number(r.accuracy().recentError() * 100));
    ScalingDecision d = new ScalingDecision();
    d.setTime(r.time().truncatedTo(ChronoUnit.SECONDS).toString());
    d.setFrom(r.decision().previous());
    d.setTo(r.floor());
    d.setReason(reasonName(r.decision().reason()));
    d.setMessage(r.message());
    s.setLastDecision(d);
    s.setActiveSchedules(
        r.activeSchedules().isEmpty()
            ? null
            : r.activeSchedules().stream().map(PredictionReporter::scheduleStatus).toList());
    return s;
  }

  private static ActiveScheduleStatus scheduleStatus(ActiveSchedule a) {
    ActiveScheduleStatus s = new ActiveScheduleStatus();
    s.setName(a.name());
    s.setEffect(a.kind() == FloorSchedule.Kind.RAISE ? "Raise" : "Cap");
    s.setReplicas(a.replicas());
    s.setUntil(a.until().truncatedTo(ChronoUnit.SECONDS).toString());
    return s;
  }

  static List<Condition> metricsCondition(
      List<Condition> conditions, Recommendation r, long generation, Instant now) {
    return Conditions.set(
        conditions,
        METRICS_AVAILABLE,
        r.metricsAvailable(),
        r.metricsAvailable() ? "DemandQueried" : "MetricsUnavailable",
        r.metricsAvailable() ? "The demand query returned usable data" : r.message(),
        generation,
        now);
  }

  /**
   * @param note what to add to the message, e.g. the mode Auto chose
   */
  static List<Condition> predictingCondition(
      List<Condition> conditions,
      Optional<PredictionFailure> failure,
      long generation,
      Instant now,
      String note) {
    return failure
        .map(
            f ->
                Conditions.set(
                    conditions,
                    PREDICTING,
                    false,
                    f.kind().name(),
                    f.message() + "; the floor is held and the next evaluation retries" + note,
                    generation,
                    now))
        .orElseGet(
            () ->
                Conditions.set(
                    conditions,
                    PREDICTING,
                    true,
                    "Evaluated",
                    "The last evaluation completed" + note,
                    generation,
                    now));
  }

  /**
   * A Warning when evaluation starts failing or fails for another reason, a Normal Event when it
   * recovers.
   */
  private static void recordFailureEvents(
      ScalableApp app, Optional<PredictionFailure> failure, EventRecorder events) {
    Optional<Condition> before =
        Optional.ofNullable(app.getStatus())
            .flatMap(s -> Conditions.find(s.getConditions(), PREDICTING));
    boolean wasFailing = before.map(c -> "False".equals(c.getStatus())).orElse(false);
    String previousReason = before.map(Condition::getReason).orElse(null);
    if (failure.isPresent()
        && (!wasFailing || !failure.get().kind().name().equals(previousReason))) {
      events.warning(app, "PredictionFailed", failure.get().message());
    } else if (failure.isEmpty() && wasFailing) {
      events.normal(app, "PredictionRecovered", "Prediction evaluates again");
    }
  }

  /**
   * The floor the Event reports a move from. The engine's previous decision, except on the first
   * applied decision after a recommended one (Shadow, Auto in Shadow, or a tuned policy that just
   * started to run a floor): the HPA then held replicas.min, whatever the recommendation said, and
   * an unchanged number must still say that the floor now applies.
   */
  private static int floorInForceBefore(
      ScalableApp app, Recommendation r, Optional<PredictionStatus> before) {
    boolean appliedBefore = before.map(p -> "Enforce".equals(p.getMode())).orElse(false);
    return r.actionable() && !appliedBefore
        ? app.getSpec().getReplicas().getMin()
        : r.decision().previous();
  }

  /**
   * Events for what changed since the status was last written: a new floor, lost or regained
   * metrics.
   */
  private static void recordEvents(
      ScalableApp app,
      Recommendation r,
      PredictionStatus fresh,
      boolean evaluated,
      EventRecorder events) {
    Optional<PredictionStatus> before =
        Optional.ofNullable(app.getStatus()).map(s -> s.getPrediction());
    // The whole decision and the mode, not its time alone: status keeps whole seconds, and two
    // evaluations within one (a spec change's right after a periodic one) are different decisions.
    boolean reported =
        before
            .filter(p -> Objects.equals(p.getMode(), fresh.getMode()))
            .map(PredictionStatus::getLastDecision)
            .filter(d -> d.equals(fresh.getLastDecision()))
            .isPresent();
    if (reported) {
      return;
    }
    int from = floorInForceBefore(app, r, before);
    if (r.floor() != from) {
      String verb = r.floor() > from ? "Raised" : "Lowered";
      String what =
          !r.actionable()
              ? "recommended replica floor ("
                  + (app.getSpec().getPrediction().getMode() == PredictionSpec.Mode.Auto
                      ? "Auto, in Shadow"
                      : "Shadow")
                  + ": not applied)"
              : Pause.of(app).isPresent()
                  ? "recommended replica floor (paused: not applied)"
                  : "replica floor";
      events.normal(
          app,
          "Floor" + verb,
          verb
              + " "
              + what
              + " from "
              + from
              + " to "
              + r.floor()
              + " ("
              + reasonName(r.decision().reason())
              + "): "
              + r.message());
    }
    if (!evaluated) {
      return; // a held floor after a failure says nothing about the metrics
    }
    boolean hadMetrics =
        Optional.ofNullable(app.getStatus())
            .flatMap(s -> Conditions.find(s.getConditions(), METRICS_AVAILABLE))
            .map(c -> "True".equals(c.getStatus()))
            .orElse(true);
    if (hadMetrics && !r.metricsAvailable()) {
      events.warning(app, "MetricsUnavailable", r.message());
    } else if (!hadMetrics && r.metricsAvailable()) {
      events.normal(app, "MetricsRecovered", "The demand query returns usable data again");
    }
  }

  private static String reasonName(Reason reason) {
    StringBuilder b = new StringBuilder();
    for (String part : reason.name().split("_")) {
      b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }

  private static String number(double v) {
    return ReportedRecommendation.figure(v);
  }
}
