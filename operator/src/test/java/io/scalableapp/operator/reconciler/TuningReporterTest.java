package io.scalableapp.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.auto.PolicyChoice;
import io.scalableapp.engine.auto.PolicyFigures;
import io.scalableapp.engine.auto.TunedPolicy;
import io.scalableapp.engine.auto.TuningVerdict;
import io.scalableapp.engine.auto.TuningVerdict.Outcome;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.api.TuningSpec;
import io.scalableapp.operator.api.TuningStatus;
import io.scalableapp.operator.events.RecordedEvents;
import io.scalableapp.operator.prediction.PredictionOutcome;
import io.scalableapp.operator.status.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TuningReporterTest {
  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  private static final TunedPolicy USER = TunedPolicy.reactive(70, Duration.ofMinutes(5));
  private static final TunedPolicy CHOSEN = TunedPolicy.reactive(87, Duration.ofMinutes(30));

  private static ScalableApp app(TuningSpec.Mode mode) {
    ScalableApp app = TestApps.predicted("shop", "prod", 10);
    TuningSpec tuning = new TuningSpec();
    tuning.setMode(mode);
    app.getSpec().getAutoscaling().setTuning(tuning);
    return app;
  }

  private static PolicyChoice choice(boolean applied) {
    var user =
        new PolicyChoice.Scored(
            USER, new PolicyFigures(92.75, 1851.7), new PolicyFigures(37.5, 939.7));
    var chosen =
        new PolicyChoice.Scored(
            CHOSEN, new PolicyFigures(47.75, 1833.6), new PolicyFigures(21.5, 934.9));
    return new PolicyChoice(
        NOW.minus(Duration.ofDays(3)),
        NOW.minus(Duration.ofDays(1)),
        NOW,
        5760,
        user,
        chosen,
        chosen,
        1851.7,
        applied,
        applied ? "the chosen policy beat your HPA" : "it did not",
        65);
  }

  private static PredictionOutcome searched(Instant at, boolean applied) {
    PolicyChoice c = choice(applied);
    return new PredictionOutcome(
        null,
        null,
        null,
        new TuningVerdict(
            at,
            Outcome.SEARCHED,
            c.running(),
            Optional.of(c),
            Duration.ofDays(4),
            Duration.ofDays(3),
            ""));
  }

  private static void reconcile(
      ScalableApp app, PredictionOutcome outcome, RecordedEvents events, Instant now) {
    ScalableAppStatus status = new ScalableAppStatus();
    TuningReporter.report(app, Optional.ofNullable(outcome), status, events, now);
    app.setStatus(status);
  }

  @Test
  void anAppliedPolicyIsOneEventAndStatusShowsTheThreeReplays() {
    ScalableApp app = app(TuningSpec.Mode.Apply);
    RecordedEvents events = new RecordedEvents();
    reconcile(app, searched(NOW, true), events, NOW);
    reconcile(app, searched(NOW, true), events, NOW.plusSeconds(30));

    TuningStatus s = app.getStatus().getTuning();
    assertThat(s.getReason()).isEqualTo("Applied");
    assertThat(s.getRunning().getTargetCPUUtilizationPercentage()).isEqualTo(87);
    assertThat(s.getRunning().getScaleDownStabilizationSeconds()).isEqualTo(1800);
    assertThat(s.getSince()).isEqualTo("2026-12-07T02:00:00Z");
    assertThat(s.getYourHpa().getValidationUnderProvisionedMinutes()).isEqualTo("37.50");
    assertThat(s.getEnvelope().getTrainingReplicaHours()).isEqualTo("1833.60");
    assertThat(s.getChosen().getValidationUnderProvisionedMinutes()).isEqualTo("21.50");
    assertThat(s.getTraining()).isEqualTo("2d");
    assertThat(s.getValidation()).isEqualTo("1d");
    assertThat(events.normals).hasSize(1);
    assertThat(events.normals.get(0))
        .contains(
            "PolicyChanged",
            "from HPA at 70 %, 5m scale-down window, no floor",
            "to HPA at 87 %, 30m scale-down window, no floor");
    assertThat(
            Conditions.find(app.getStatus().getConditions(), TuningReporter.TUNED)
                .get()
                .getReason())
        .isEqualTo("Applied");
  }

  @Test
  void recommendLeavesTheUsersHpaRunningAndTurningToApplyIsTheSwitchEvent() {
    ScalableApp app = app(TuningSpec.Mode.Recommend);
    RecordedEvents events = new RecordedEvents();
    reconcile(app, searched(NOW, true), events, NOW);
    assertThat(app.getStatus().getTuning().getReason()).isEqualTo("Recommended");
    assertThat(app.getStatus().getTuning().getRunning().getTargetCPUUtilizationPercentage())
        .isEqualTo(70);
    assertThat(app.getStatus().getTuning().getMessage()).contains("set it to Apply");
    assertThat(events.normals).isEmpty();

    app.getSpec().getAutoscaling().getTuning().setMode(TuningSpec.Mode.Apply);
    reconcile(app, searched(NOW, true), events, NOW.plusSeconds(30));
    assertThat(app.getStatus().getTuning().getReason()).isEqualTo("Applied");
    assertThat(events.normals).hasSize(1);
  }

  @Test
  void aFailedSearchIsAWarningOnceAndAFalseCondition() {
    ScalableApp app = app(TuningSpec.Mode.Apply);
    RecordedEvents events = new RecordedEvents();
    PredictionOutcome failed =
        new PredictionOutcome(
            null,
            null,
            null,
            new TuningVerdict(
                NOW,
                Outcome.FAILED,
                USER,
                Optional.empty(),
                Duration.ofDays(4),
                Duration.ofDays(3),
                "the policy search failed: boom"));
    reconcile(app, failed, events, NOW);
    reconcile(app, failed, events, NOW.plusSeconds(30));

    assertThat(events.warnings).hasSize(1);
    assertThat(events.warnings.get(0))
        .contains("PolicySearchFailed", "boom", "retried automatically");
    var condition = Conditions.find(app.getStatus().getConditions(), TuningReporter.TUNED).get();
    assertThat(condition.getStatus()).isEqualTo("False");
    assertThat(condition.getReason()).isEqualTo("SearchFailed");
  }

  @Test
  void withoutTuningThereIsNoStatusAndNoCondition() {
    ScalableApp app = TestApps.predicted("shop", "prod", 10);
    reconcile(app, searched(NOW, true), new RecordedEvents(), NOW);
    assertThat(app.getStatus().getTuning()).isNull();
    assertThat(Conditions.find(app.getStatus().getConditions(), TuningReporter.TUNED)).isEmpty();
  }
}
