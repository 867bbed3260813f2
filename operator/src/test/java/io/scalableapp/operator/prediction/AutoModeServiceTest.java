package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.auto.AutoModeSettings;
import io.scalableapp.engine.auto.AutoVerdict;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.time.ManualClock;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.AutoModeStatus;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.PredictionStatus;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.prediction.PredictionFailure.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * prediction.mode Auto in the evaluation loop: judged on the demand it already fetched, with its
 * own error boundary.
 */
class AutoModeServiceTest {
  private static final Instant START = Instant.parse("2026-03-05T12:00:00Z");
  private static final int MINUTES = 3 * 24 * 60;
  private final ManualClock clock = new ManualClock(START);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger fetches = new AtomicInteger();

  /**
   * Quiet nights and a busy day that starts with a jump at 08:00, as an office app: the HPA lags
   * every morning.
   */
  private static double officeHours(int minute) {
    int minuteOfDay = Math.floorMod(minute + 12 * 60, 24 * 60);
    double wiggle = 1 + 0.05 * Math.sin(minute * 0.7);
    return (minuteOfDay >= 8 * 60 && minuteOfDay < 18 * 60 ? 600 : 60) * wiggle;
  }

  /** Three days of demand up to the clock's time, counting every fetch. */
  private DemandSource counted(IntToDoubleFunction perMinute) {
    double[] values = new double[MINUTES];
    for (int m = 0; m < MINUTES; m++) {
      values[m] = perMinute.applyAsDouble(m);
    }
    DemandSource recorded =
        new InMemoryDemandSource(
            Series.of(START.minus(Duration.ofMinutes(MINUTES - 1)), Duration.ofMinutes(1), values));
    return (from, to, step) -> {
      fetches.incrementAndGet();
      return recorded.fetch(from, to, step);
    };
  }

  private PredictionService service(PredictionSettings settings, DemandSource demand) {
    return new PredictionService(
        settings,
        null,
        Set.of(),
        registry,
        clock,
        ForecasterFactory.DEFAULT,
        (app, url, query, spec) -> demand);
  }

  private static ScalableApp autoApp() {
    ScalableApp app = TestApps.predicted("shop", "prod", 30.0);
    app.getSpec().getReplicas().setMax(60);
    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Auto);
    app.getSpec().getPrediction().setSeasonality(PredictionSpec.Seasonality.Daily);
    app.getSpec().getPrediction().setLookback("3d");
    return app;
  }

  private double appsIn(String mode) {
    return registry.find("scalableapp_auto_mode_apps").tag("mode", mode).gauge().value();
  }

  @Test
  void dailyDemandTheHpaLagsOnIsPromotedOnTheHistoryAlreadyFetched() {
    PredictionService service =
        service(PredictionSettings.defaults(), counted(AutoModeServiceTest::officeHours));
    ScalableApp app = autoApp();

    PredictionOutcome first = service.evaluate(app);
    assertThat(first.autoMode()).as("nothing fetched yet to judge").isNull();
    assertThat(first.recommendation().mode()).isEqualTo(ScalingMode.SHADOW);
    assertThat(first.recommendation().actionable()).isFalse();

    clock.advance(Duration.ofSeconds(30));
    PredictionOutcome second = service.evaluate(app);
    AutoVerdict verdict = second.autoMode();
    assertThat(verdict.outcome()).isEqualTo(AutoVerdict.Outcome.PROMOTED);
    assertThat(verdict.evidence())
        .hasValueSatisfying(
            e -> {
              assertThat(e.reactiveUnderProvisionedMinutes()).isPositive();
              assertThat(e.reduction()).isGreaterThanOrEqualTo(0.10);
              assertThat(e.scored()).isEqualTo(Duration.ofDays(2));
            });
    assertThat(second.recommendation().mode()).isEqualTo(ScalingMode.ENFORCE);
    assertThat(second.recommendation().actionable()).isTrue();
    assertThat(appsIn("Enforce")).isEqualTo(1);
    assertThat(appsIn("Shadow")).isZero();

    clock.advance(Duration.ofSeconds(30));
    assertThat(service.evaluate(app).autoMode())
        .as("not judged again before the cadence")
        .isSameAs(verdict);
    assertThat(fetches.get()).as("one fetch per evaluation, none of Auto's own").isEqualTo(3);
  }

  @Test
  void flatDemandTheHpaAloneServesStaysInShadowAndSaysWhy() {
    PredictionService service = service(PredictionSettings.defaults(), counted(m -> 300));
    ScalableApp app = autoApp();
    service.evaluate(app);
    clock.advance(Duration.ofSeconds(30));

    PredictionOutcome outcome = service.evaluate(app);

    assertThat(outcome.autoMode().outcome()).isEqualTo(AutoVerdict.Outcome.NOT_BEATING);
    assertThat(outcome.autoMode().evidence())
        .hasValueSatisfying(
            e -> {
              assertThat(e.reactiveUnderProvisionedMinutes()).isZero();
              assertThat(e.forecast().underProvisionedMinutes()).isZero();
            });
    assertThat(outcome.recommendation().actionable()).isFalse();
    assertThat(appsIn("Shadow")).isEqualTo(1);
  }

  @Test
  void aReplayThatFailsIsCountedTheFloorStillEvaluatesAndTheModeStays() {
    // A 7 s step is valid for the operator, but no whole number of steps makes a minute: the replay
    // refuses it.
    PredictionSettings settings =
        new PredictionSettings(
            PredictionSettings.defaults().prometheusUrl(),
            Duration.ofSeconds(30),
            Duration.ofSeconds(7));
    double[] values = new double[3 * 24 * 3600 / 7];
    java.util.Arrays.fill(values, 300);
    DemandSource demand =
        new InMemoryDemandSource(
            Series.of(
                START.minus(Duration.ofSeconds(7L * (values.length - 1))),
                Duration.ofSeconds(7),
                values));
    PredictionService service = service(settings, demand);
    ScalableApp app = autoApp();
    app.getSpec().getPrediction().setSeasonality(PredictionSpec.Seasonality.None);
    service.evaluate(app);
    clock.advance(Duration.ofSeconds(30));

    PredictionOutcome outcome = service.evaluate(app);

    assertThat(outcome.failed()).as("the floor's own evaluation completed").isEmpty();
    assertThat(outcome.autoMode().outcome()).isEqualTo(AutoVerdict.Outcome.FAILED);
    assertThat(outcome.autoMode().problem()).contains("step must divide a minute");
    assertThat(outcome.autoMode().mode()).isEqualTo(ScalingMode.SHADOW);
    assertThat(
            registry
                .find("scalableapp_prediction_errors_total")
                .tag("reason", Kind.AutoEvidenceFailed.name())
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void aRestartedOperatorKeepsEnforcingWhatStatusRecordedAndDoesNotReplayAtOnce() {
    ScalableApp app = autoApp();
    AutoModeStatus recorded = new AutoModeStatus();
    recorded.setEffectiveMode("Enforce");
    recorded.setSince(START.minus(Duration.ofDays(1)).toString());
    recorded.setEvaluatedAt(START.minus(Duration.ofMinutes(10)).toString());
    app.setStatus(new ScalableAppStatus());
    app.getStatus().setPrediction(new PredictionStatus());
    app.getStatus().getPrediction().setAutoMode(recorded);
    // Demoted when the forecast is less than 5 % better than the same-cost HPA: on flat demand it
    // is not better.
    AutoModeSettings demoteBelowFivePercent = AutoModeSettings.defaults();
    demoteBelowFivePercent =
        new AutoModeSettings(
            demoteBelowFivePercent.evaluateEvery(),
            demoteBelowFivePercent.retryAfterFailure(),
            demoteBelowFivePercent.minHistory(),
            demoteBelowFivePercent.replayInterval(),
            0.10,
            0.05,
            0.25);
    PredictionService service =
        service(
            PredictionSettings.defaults().withAutoMode(demoteBelowFivePercent), counted(m -> 300));

    PredictionOutcome first = service.evaluate(app);
    clock.advance(Duration.ofSeconds(30));
    PredictionOutcome second = service.evaluate(app);

    assertThat(first.recommendation().actionable()).isTrue();
    assertThat(second.recommendation().actionable()).isTrue();
    assertThat(second.autoMode())
        .as("judged again an hour after the recorded verdict, not now")
        .isNull();
    clock.advance(Duration.ofMinutes(50));
    assertThat(service.evaluate(app).autoMode().outcome())
        .as("flat demand: the forecast no longer earns Enforce")
        .isEqualTo(AutoVerdict.Outcome.DEMOTED);
  }
}
