package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.engine.Reason;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.time.ManualClock;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.prediction.PredictionFailure.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The evaluation's error boundary: every failure is reported, the floor is held, and the next poll
 * recovers.
 */
class PredictionServiceTest {
  private static final Instant START = Instant.parse("2026-03-02T12:00:00Z");
  private final ManualClock clock = new ManualClock(START);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicBoolean forecastFails = new AtomicBoolean();
  private final ForecasterFactory forecasters =
      (model, period, lead) -> {
        if (forecastFails.get()) {
          throw new IllegalStateException("forecaster exploded");
        }
        return ForecasterFactory.DEFAULT.create(model, period, lead);
      };

  /**
   * Two days of steady demand of 100 per minute up to the clock's time: a floor of 4 at 30 per
   * replica.
   */
  private final DemandSource steadyDemand =
      new InMemoryDemandSource(
          Series.of(
              START.minus(Duration.ofDays(2)),
              Duration.ofMinutes(1),
              constant(2 * 24 * 60 + 120, 100)));

  private PredictionService service(PredictionService.DemandSources sources) {
    return new PredictionService(
        PredictionSettings.defaults(), null, Set.of(), registry, clock, forecasters, sources);
  }

  private static ScalableApp predictedApp() {
    ScalableApp app = TestApps.predicted("shop", "prod", 30.0);
    app.getSpec().getPrediction().setLookback("1d");
    return app;
  }

  private double errors(Kind kind) {
    var counter =
        registry.find("scalableapp_prediction_errors_total").tag("reason", kind.name()).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aForecastThatThrowsHoldsTheFloorAndTheNextPollRecovers() {
    PredictionService service = service((app, url, query, spec) -> steadyDemand);
    ScalableApp app = predictedApp();
    PredictionOutcome good = service.evaluate(app);
    assertThat(good.failed()).isEmpty();
    int floor = good.recommendation().floor();
    assertThat(floor).isGreaterThan(1);

    forecastFails.set(true);
    clock.advance(Duration.ofSeconds(30));
    PredictionOutcome failed = service.evaluate(app);

    assertThat(failed.failure().kind()).isEqualTo(Kind.EvaluationFailed);
    assertThat(failed.failure().message()).contains("forecaster exploded");
    assertThat(failed.recommendation().floor()).isEqualTo(floor);
    assertThat(failed.recommendation().decision().reason()).isEqualTo(Reason.HOLD);
    assertThat(errors(Kind.EvaluationFailed)).isEqualTo(1);

    forecastFails.set(false);
    clock.advance(Duration.ofSeconds(30));
    assertThat(service.evaluate(app).failed()).isEmpty();
  }

  @Test
  void aFailureThatLastsPastTheHoldDecaysTowardsReplicasMin() {
    PredictionService service = service((app, url, query, spec) -> steadyDemand);
    ScalableApp app = predictedApp();
    app.getSpec().getPrediction().setHoldOnMetricsLoss("2m");
    int floor = service.evaluate(app).recommendation().floor();

    forecastFails.set(true);
    clock.advance(Duration.ofMinutes(3));
    PredictionOutcome afterHold = service.evaluate(app);

    assertThat(afterHold.failure().kind()).isEqualTo(Kind.EvaluationFailed);
    assertThat(afterHold.recommendation().decision().reason()).isNotEqualTo(Reason.HOLD);
    assertThat(afterHold.recommendation().decision().desired()).isEqualTo(1);
    assertThat(afterHold.recommendation().floor()).isLessThanOrEqualTo(floor);
  }

  @Test
  void settingsTheEngineRefusesAreReportedNotThrown() {
    PredictionService service = service((app, url, query, spec) -> steadyDemand);
    ScalableApp app = predictedApp();
    int floor = service.evaluate(app).recommendation().floor();
    app.getSpec().getPrediction().setLookback("1m"); // no longer than the step

    clock.advance(Duration.ofSeconds(30));
    PredictionOutcome outcome = service.evaluate(app);

    assertThat(outcome.failure().kind()).isEqualTo(Kind.InvalidSettings);
    assertThat(outcome.failure().message()).contains("lookback must be longer than step");
    assertThat(outcome.recommendation().floor()).isEqualTo(floor);

    app.getSpec().getPrediction().setLookback("1d");
    clock.advance(Duration.ofSeconds(30));
    assertThat(service.evaluate(app).failed()).isEmpty();
  }

  @Test
  void anInterruptedEvaluationIsReportedAsTimedOut() throws Exception {
    DemandSource hangs =
        (from, to, step) -> {
          Thread.sleep(60_000);
          return Series.empty(from, step);
        };
    PredictionService service = service((app, url, query, spec) -> hangs);
    PredictionOutcome[] outcome = new PredictionOutcome[1];
    Thread worker = new Thread(() -> outcome[0] = service.evaluate(predictedApp()));
    worker.start();
    worker.interrupt();
    worker.join(10_000);

    assertThat(outcome[0].failure().kind()).isEqualTo(Kind.EvaluationTimedOut);
    assertThat(errors(Kind.EvaluationTimedOut)).isEqualTo(1);
  }

  private static double[] constant(int n, double value) {
    double[] v = new double[n];
    java.util.Arrays.fill(v, value);
    return v;
  }

  private static ScalableApp predictedApp(String uid, Integer recordedFloor) {
    ScalableApp app = predictedApp();
    app.getMetadata().setUid(uid);
    app.getSpec().getPrediction().setMode(io.scalableapp.operator.api.PredictionSpec.Mode.Enforce);
    if (recordedFloor != null) {
      var status = new io.scalableapp.operator.api.ScalableAppStatus();
      var prediction = new io.scalableapp.operator.api.PredictionStatus();
      prediction.setMode("Enforce");
      prediction.setRecommendedReplicas(recordedFloor);
      status.setPrediction(prediction);
      app.setStatus(status);
    }
    return app;
  }

  /**
   * Issue 16, item 9: an evaluation still running when its app is deleted and re-created under the
   * same name. It must register no gauges for the gone app, and the new app must not start from the
   * old app's floor.
   */
  @Test
  void anEvaluationThatOutlivesItsAppLeavesNothingForANewAppOfTheSameName() {
    PredictionService service = service((app, url, query, spec) -> steadyDemand);
    ScalableApp old = predictedApp("uid-old", 9);
    service.track(old);
    service.forget(old); // deleted before the worker that had read it got going

    service.evaluate(old, () -> false);

    assertThat(registry.find("scalableapp_recommended_replicas").tag("app", "shop").gauges())
        .as("no gauge is registered for an app that is gone")
        .isEmpty();
    ScalableApp renewed = predictedApp("uid-new", null);
    service.track(renewed);
    PredictionOutcome first = service.evaluate(renewed);
    assertThat(first.recommendation().decision().previous())
        .as("the new app starts from replicas.min, not from the deleted app's floor of 9")
        .isEqualTo(renewed.getSpec().getReplicas().getMin());
  }

  /**
   * Issue 16, item 12: Pods of an app that is not tracked (gone, or not predicted) leave no latency
   * behind.
   */
  @Test
  void readyLatenciesAreKeptOnlyForTrackedApps() {
    PredictionService service = service((app, url, query, spec) -> steadyDemand);
    ScalableApp app = predictedApp("uid-1", null);
    service.recordReadyLatency(
        new io.javaoperatorsdk.operator.processing.event.ResourceID("other", "prod"),
        Duration.ofSeconds(20));
    assertThat(service.readyLatenciesKept()).isZero();

    service.track(app);
    service.recordReadyLatency(
        io.javaoperatorsdk.operator.processing.event.ResourceID.fromResource(app),
        Duration.ofSeconds(20));
    assertThat(service.readyLatenciesKept()).isEqualTo(1);

    service.forget(app);
    service.recordReadyLatency(
        io.javaoperatorsdk.operator.processing.event.ResourceID.fromResource(app),
        Duration.ofSeconds(20));
    assertThat(service.readyLatenciesKept())
        .as("a Pod event after the app's deletion adds nothing")
        .isZero();
  }

  private double counted(String name) {
    var counter = registry.find(name).counter();
    return counter == null ? 0 : counter.count();
  }

  /**
   * Issue 16, item 6: the saved engine state cannot be read (here the API server refuses the
   * connection, as it does during an outage). The app still gets evaluated, the read is retried
   * each evaluation and counted, and nothing is written over the document that could not be read.
   */
  @Test
  void aStateThatCannotBeReadIsRetriedAndNeverOverwritten() {
    var deadApiServer =
        new io.fabric8.kubernetes.client.KubernetesClientBuilder()
            .withConfig(
                new io.fabric8.kubernetes.client.ConfigBuilder()
                    .withMasterUrl("http://127.0.0.1:1")
                    .withRequestRetryBackoffLimit(0)
                    .withConnectionTimeout(1000)
                    .withRequestTimeout(1000)
                    .build())
            .build();
    try (deadApiServer) {
      PredictionService service =
          new PredictionService(
              PredictionSettings.defaults(),
              deadApiServer,
              Set.of(),
              registry,
              clock,
              forecasters,
              (app, url, query, spec) -> steadyDemand);
      ScalableApp app = predictedApp("uid-1", null);

      assertThat(service.evaluate(app).recommendation()).isNotNull();
      clock.advance(Duration.ofSeconds(30));
      service.evaluate(app);

      assertThat(counted("scalableapp_state_reads_failed_total"))
          .as("read again on the next evaluation")
          .isEqualTo(2);
      assertThat(counted("scalableapp_state_writes_failed_total"))
          .as("no write was even attempted")
          .isZero();
    }
  }
}
