package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.AutoscalingSpec;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ReplicasSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.translate.ScalingSpecs;
import io.scalableapp.operator.prediction.PredictionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's argument checks (AppScalingSpec, FloorLimits, DurationText) and what its forecasters
 * need (two whole seasons) are refused at admission, by the real API server, with the CRD's
 * message.
 */
class EnginePreconditionsIT {
  /** Every step the operator starts with; the engine must accept an admitted spec at each. */
  private static final List<Duration> STEPS =
      List.of(Duration.ofSeconds(1), Duration.ofMinutes(1), PredictionSettings.MAX_STEP);

  @RegisterExtension static final ClusterNamespace cluster = ClusterNamespace.withPrefix("engine");

  /**
   * @param precondition the engine's check, as it reads in the engine's code
   * @param engineThrows whether the engine throws on it (else it silently degrades, e.g. forecasts
   *     without a season)
   */
  record Precondition(
      String precondition,
      Consumer<PredictionSpec> violate,
      Consumer<ScalableApp> violateApp,
      String message,
      boolean engineThrows) {
    static Precondition ofPrediction(
        String precondition,
        Consumer<PredictionSpec> violate,
        String message,
        boolean engineThrows) {
      return new Precondition(precondition, violate, app -> {}, message, engineThrows);
    }

    static Precondition ofApp(String precondition, Consumer<ScalableApp> violate, String message) {
      return new Precondition(precondition, p -> {}, violate, message, true);
    }

    @Override
    public String toString() {
      return precondition;
    }
  }

  static Stream<Precondition> preconditions() {
    return Stream.of(
        Precondition.ofPrediction(
            "AppScalingSpec: targetPerReplica must be a positive number",
            p -> p.setTargetPerReplica(0.0),
            "prediction.targetPerReplica must be greater than 0",
            true),
        Precondition.ofPrediction(
            "AppScalingSpec: targetPerReplica must be a positive number (absent)",
            p -> p.setTargetPerReplica(null),
            "prediction.targetPerReplica is required unless prediction.mode is Off",
            true),
        Precondition.ofPrediction(
            "AppScalingSpec: headroom must be >= 0",
            p -> p.setHeadroomPercent(-1),
            "spec.prediction.headroomPercent in body should be greater than or equal to 0",
            true),
        Precondition.ofApp(
            "AppScalingSpec: targetUtilization must be in (0, 1]",
            app -> app.getSpec().getAutoscaling().setTargetCPUUtilizationPercentage(0),
            "spec.autoscaling.targetCPUUtilizationPercentage in body should be greater than or equal to 1"),
        Precondition.ofPrediction(
            "AppScalingSpec: lookback must be longer than step",
            p -> p.setLookback("5m"),
            "prediction.lookback must be at least 1h",
            true),
        Precondition.ofPrediction(
            "PredictiveScaler: 30 minutes of history before it forecasts",
            p -> p.setLookback("29m"),
            "prediction.lookback must be at least 1h",
            false),
        Precondition.ofApp(
            "FloorLimits: need 0 <= min",
            app -> app.getSpec().getReplicas().setMin(-1),
            "spec.replicas.min in body should be greater than or equal to 1"),
        Precondition.ofApp(
            "FloorLimits: need min <= max",
            app -> app.getSpec().setReplicas(new ReplicasSpec(6, 5)),
            "replicas.min must be less than or equal to replicas.max"),
        Precondition.ofPrediction(
            "FloorLimits: scaleUpReplicasPerMinute must be >= 1 (0 means unlimited)",
            p -> p.setScaleUpReplicasPerMinute(-1),
            "spec.prediction.scaleUpReplicasPerMinute in body should be greater than or equal to 0",
            true),
        Precondition.ofPrediction(
            "FloorLimits: scaleDownFractionPerMinute must be in (0, 1] (zero)",
            p -> p.setScaleDownPercentPerMinute(0),
            "spec.prediction.scaleDownPercentPerMinute in body should be greater than or equal to 1",
            true),
        Precondition.ofPrediction(
            "FloorLimits: scaleDownFractionPerMinute must be in (0, 1] (above one)",
            p -> p.setScaleDownPercentPerMinute(101),
            "spec.prediction.scaleDownPercentPerMinute in body should be less than or equal to 100",
            true),
        Precondition.ofPrediction(
            "DurationText: not a duration",
            p -> p.setLookback("7 days"),
            "spec.prediction.lookback in body should match",
            true),
        Precondition.ofPrediction(
            "DurationText: a number too large for a Duration",
            p -> p.setHoldOnMetricsLoss("99999999999999999999d"),
            "spec.prediction.holdOnMetricsLoss: Too long",
            true),
        Precondition.ofPrediction(
            "HoltWintersState.minimumLength: two daily seasons",
            p -> {
              p.setSeasonality(PredictionSpec.Seasonality.Daily);
              p.setLookback("1d23h");
            },
            "prediction.lookback must be at least 2d when seasonality is Daily: a daily cycle needs two days of history",
            false),
        Precondition.ofPrediction(
            "HoltWintersState.minimumLength: two weekly seasons",
            p -> {
              p.setSeasonality(PredictionSpec.Seasonality.Weekly);
              p.setLookback("13d");
            },
            "prediction.lookback must be at least 14d when seasonality is Weekly: a weekly cycle needs two weeks of history",
            false));
  }

  private static ScalableApp predicted(String name) {
    ScalableApp app = TestApps.app(name, cluster.name());
    PredictionSpec p = app.getSpec().getPrediction();
    p.setMode(PredictionSpec.Mode.Enforce);
    p.setQuery("sum(rate(http_requests_total[2m]))");
    p.setTargetPerReplica(10.0);
    return app;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("preconditions")
  void isRefusedAtAdmission(Precondition c) {
    ScalableApp app = predicted("violation");
    c.violate().accept(app.getSpec().getPrediction());
    c.violateApp().accept(app);

    if (c.engineThrows()) {
      assertThatThrownBy(() -> ScalingSpecs.of(app, PredictionSettings.MAX_STEP))
          .as("the engine really checks this")
          .isInstanceOfAny(
              IllegalArgumentException.class,
              NullPointerException.class,
              ArithmeticException.class,
              java.time.DateTimeException.class);
    }
    assertThatThrownBy(() -> cluster.client().resource(app).dryRun().create())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
        .hasMessageContaining(c.message());
  }

  /**
   * Many combinations around every bound: whatever the API server admits, the engine takes at every
   * step.
   */
  @Test
  void everyAdmittedSpecIsOneTheEngineAccepts() {
    Random random = new Random(20261129);
    int admitted = 0;
    List<String> refusedMessages = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      ScalableApp candidate = randomApp(random);
      ScalableApp stored;
      try {
        stored = cluster.client().resource(candidate).dryRun().create();
      } catch (KubernetesClientException e) {
        assertThat(e.getCode()).as(e.getMessage()).isEqualTo(422);
        refusedMessages.add(e.getMessage());
        continue;
      }
      admitted++;
      for (Duration step : STEPS) {
        assertThatCode(
                () -> {
                  AppScalingSpec spec = ScalingSpecs.of(stored, step);
                  spec.seasonality()
                      .period()
                      .ifPresent(
                          period ->
                              assertThat(spec.lookback())
                                  .as("two whole seasons")
                                  .isGreaterThanOrEqualTo(period.multipliedBy(2)));
                })
            .as("admitted %s at step %s", stored.getSpec().getPrediction().getLookback(), step)
            .doesNotThrowAnyException();
      }
    }
    assertThat(admitted).as("admitted combinations").isGreaterThan(40);
    assertThat(refusedMessages).as("refused combinations").hasSizeGreaterThan(40);
  }

  /**
   * Mostly an admissible value, so many combinations get through; sometimes one just past a bound.
   */
  private static <T> T pick(Random random, List<T> admissible, List<T> pastABound) {
    return random.nextInt(20) == 0
        ? pastABound.get(random.nextInt(pastABound.size()))
        : admissible.get(random.nextInt(admissible.size()));
  }

  private static ScalableApp randomApp(Random random) {
    ScalableApp app = predicted("combination");
    PredictionSpec p = app.getSpec().getPrediction();
    p.setMode(
        pick(
            random,
            List.of(PredictionSpec.Mode.Shadow, PredictionSpec.Mode.Enforce),
            List.of(PredictionSpec.Mode.Shadow)));
    p.setTargetPerReplica(pick(random, List.of(1e-9, 0.5, 10.0, 1e12, 1e300), List.of(0.0, -1.0)));
    p.setSeasonality(
        pick(
            random,
            List.of(PredictionSpec.Seasonality.values()),
            List.of(PredictionSpec.Seasonality.Weekly)));
    boolean weekly = p.getSeasonality() == PredictionSpec.Seasonality.Weekly;
    boolean daily = p.getSeasonality() == PredictionSpec.Seasonality.Daily;
    p.setLookback(
        pick(
            random,
            weekly
                ? List.of("14d", "20d", "35d", "336h")
                : daily
                    ? List.of("2d", "48h", "7d", "35d")
                    : List.of("1h", "3600s", "90m", "1d", "7d", "3600000ms", "35d"),
            weekly
                ? List.of("13d23h", "7d", "35d1s")
                : daily ? List.of("47h59m", "1d") : List.of("59m", "5m", "35d1s")));
    p.setModel(
        pick(random, List.of(PredictionSpec.Model.values()), List.of(PredictionSpec.Model.Auto)));
    p.setHorizon(
        pick(
            random,
            java.util.Arrays.asList(null, "10s", "3m", "1h30m", "24h"),
            List.of("9s", "1d1s")));
    p.setHoldOnMetricsLoss(pick(random, List.of("0s", "10m", "24h"), List.of("1d1m")));
    p.setScaleDownStabilization(pick(random, List.of("0s", "5m", "1h"), List.of("61m")));
    p.setHeadroomPercent(pick(random, List.of(0, 10, 1000), List.of(-1, 1001)));
    p.setScaleUpReplicasPerMinute(
        pick(random, List.of(0, 1, ReplicasSpec.MAX_REPLICAS), List.of(-1)));
    p.setScaleDownPercentPerMinute(pick(random, List.of(1, 20, 100), List.of(0, 101)));
    p.setMaxForecastErrorPercent(pick(random, List.of(1, 50, 1000), List.of(0)));
    int min = pick(random, List.of(1, 2, 10), List.of(0));
    int max =
        pick(
            random,
            List.of(10, ReplicasSpec.MAX_REPLICAS),
            List.of(1, ReplicasSpec.MAX_REPLICAS + 1));
    app.getSpec().setReplicas(new ReplicasSpec(min, max));
    AutoscalingSpec autoscaling = app.getSpec().getAutoscaling();
    autoscaling.setEnabled(
        pick(
            random,
            java.util.Arrays.asList(null, true, false),
            java.util.Arrays.asList((Boolean) null)));
    autoscaling.setTargetCPUUtilizationPercentage(
        pick(random, List.of(1, 70, 100, 1000), List.of(0)));
    return app;
  }
}
