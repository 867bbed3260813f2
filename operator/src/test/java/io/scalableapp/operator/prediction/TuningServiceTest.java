package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.engine.Reason;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.auto.FloorCandidates;
import io.scalableapp.engine.auto.TunedPolicy;
import io.scalableapp.engine.auto.TuningVerdict;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.time.ManualClock;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.api.TuningSpec;
import io.scalableapp.operator.api.TuningStatus;
import io.scalableapp.operator.api.translate.TuningSpecs;
import io.scalableapp.operator.api.translate.TuningText;
import io.scalableapp.operator.prediction.PredictionFailure.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * spec.autoscaling.tuning in the evaluation loop: searched on the demand already fetched, with its
 * error boundary.
 */
class TuningServiceTest {
  private static final Instant START = Instant.parse("2026-03-05T12:00:00Z");
  private final ManualClock clock = new ManualClock(START);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

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

  private static ScalableApp tunedApp() {
    ScalableApp app = TestApps.predicted("shop", "prod", 30.0);
    app.getSpec().getReplicas().setMax(60);
    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Shadow);
    app.getSpec().getPrediction().setSeasonality(PredictionSpec.Seasonality.None);
    app.getSpec().getPrediction().setLookback("3d");
    TuningSpec tuning = new TuningSpec();
    tuning.setMode(TuningSpec.Mode.Apply);
    tuning.setValidation("12h");
    app.getSpec().getAutoscaling().setTuning(tuning);
    return app;
  }

  private static DemandSource flat(Duration step) {
    double[] values = new double[(int) (Duration.ofDays(3).toSeconds() / step.toSeconds())];
    Arrays.fill(values, 300);
    return new InMemoryDemandSource(
        Series.of(START.minus(step.multipliedBy(values.length - 1)), step, values));
  }

  private double failures() {
    var counter =
        registry
            .find("scalableapp_prediction_errors_total")
            .tag("reason", Kind.PolicySearchFailed.name())
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aSearchThatFailsIsCountedKeepsTheUsersHpaAndIsRetried() {
    // A 7 s step is valid for the operator, but no whole number of steps makes a minute: the replay
    // refuses it.
    PredictionSettings settings =
        new PredictionSettings(
            PredictionSettings.defaults().prometheusUrl(),
            Duration.ofSeconds(30),
            Duration.ofSeconds(7));
    PredictionService service = service(settings, flat(Duration.ofSeconds(7)));
    ScalableApp app = tunedApp();
    service.evaluate(app);
    clock.advance(Duration.ofSeconds(30));

    PredictionOutcome outcome = service.evaluate(app);

    assertThat(outcome.failed()).as("the floor's own evaluation completed").isEmpty();
    assertThat(outcome.tuning().outcome()).isEqualTo(TuningVerdict.Outcome.FAILED);
    assertThat(outcome.tuning().problem()).contains("step must divide a minute");
    assertThat(outcome.tuning().running()).isEqualTo(TuningSpecs.user(app));
    assertThat(failures()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(30));
    service.evaluate(app);
    assertThat(failures()).as("not before the retry delay").isEqualTo(1);
    clock.advance(settings.autoMode().retryAfterFailure());
    service.evaluate(app);
    assertThat(failures()).as("retried by itself").isEqualTo(2);
  }

  @Test
  void aFlatHistoryIsSearchedOnceAnHourAndLeavesTheUsersHpa() {
    PredictionService service = service(PredictionSettings.defaults(), flat(Duration.ofMinutes(1)));
    ScalableApp app = tunedApp();
    assertThat(service.evaluate(app).tuning()).as("nothing fetched yet").isNull();
    clock.advance(Duration.ofSeconds(30));

    TuningVerdict v = service.evaluate(app).tuning();
    assertThat(v.outcome()).isEqualTo(TuningVerdict.Outcome.SEARCHED);
    assertThat(v.choice().orElseThrow().applied()).isFalse();
    assertThat(v.running()).isEqualTo(TuningSpecs.user(app));

    clock.advance(Duration.ofSeconds(30));
    assertThat(service.evaluate(app).tuning().at())
        .as("the same verdict until the next hour")
        .isEqualTo(v.at());
  }

  @Test
  void aRestartedOperatorKeepsTheRecordedPolicyUntilItsNextSearch() {
    ScalableApp app = tunedApp();
    TuningStatus recorded = new TuningStatus();
    recorded.setReason("Applied");
    recorded.setEvaluatedAt(START.minusSeconds(60).toString());
    recorded.setRunning(TuningText.status(TunedPolicy.reactive(85, Duration.ofMinutes(30))));
    app.setStatus(new ScalableAppStatus());
    app.getStatus().setTuning(recorded);
    PredictionService service = service(PredictionSettings.defaults(), flat(Duration.ofMinutes(1)));

    service.evaluate(app);
    clock.advance(Duration.ofSeconds(30));
    PredictionOutcome outcome = service.evaluate(app);

    assertThat(outcome.tuning())
        .as("not searched before an hour after the recorded search")
        .isNull();
  }

  @Test
  void underAutoARunningRecentLevelPolicyFloorsTheAppFromItsNoiseTrackerNotTheForecast() {
    ScalableApp app = tunedApp();
    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Auto);
    app.getMetadata().setUid("shop-uid");
    TuningStatus recorded = new TuningStatus();
    recorded.setReason("Applied");
    recorded.setEvaluatedAt(START.minusSeconds(60).toString());
    recorded.setRunning(
        TuningText.status(
            new TunedPolicy(80, Duration.ofMinutes(15), FloorCandidates.RECENT_LEVEL_NOISE, "")));
    app.setStatus(new ScalableAppStatus());
    app.getStatus().setTuning(recorded);
    // 300 a minute with 420 every fifth: the level of the last 45 minutes is 324; a 12-minute span
    // always holds a 420.
    double[] values = new double[3 * 1440];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 5 == 0 ? 420 : 300;
    }
    DemandSource spiky =
        new InMemoryDemandSource(
            Series.of(
                START.minus(Duration.ofMinutes(values.length - 1)), Duration.ofMinutes(1), values));
    PredictionService service = service(PredictionSettings.defaults(), spiky);

    PredictionOutcome outcome = service.evaluate(app);

    Recommendation r = outcome.recommendation();
    assertThat(r.decision().reason()).as(r.message()).isEqualTo(Reason.NOISE_FLOOR);
    assertThat(r.actionable()).as("the tuned floor runs, as Enforce").isTrue();
    assertThat(r.message()).contains(TuningSpecs.RECENT_LEVEL_RULE.label(), "recent level 324");
    assertThat(r.forecast().peak()).as("no forecast").isNaN();
    // Holds 420 at full capacity: targetPerReplica 30 at the HPA's 70 % is 30 / 0.7 a replica.
    assertThat(r.floor()).isEqualTo((int) Math.ceil(420 / (30 / 0.7)));

    recorded.setRunning(
        TuningText.status(
            new TunedPolicy(80, Duration.ofMinutes(15), FloorCandidates.FORECAST, "")));
    ScalableApp forecastApp = tunedApp();
    forecastApp.getSpec().getPrediction().setMode(PredictionSpec.Mode.Auto);
    forecastApp.getMetadata().setUid("other-uid");
    forecastApp.setStatus(new ScalableAppStatus());
    forecastApp.getStatus().setTuning(recorded);
    assertThat(service.evaluate(forecastApp).recommendation().decision().reason())
        .as("the forecast family runs the forecast")
        .isNotEqualTo(Reason.NOISE_FLOOR);
  }
}
