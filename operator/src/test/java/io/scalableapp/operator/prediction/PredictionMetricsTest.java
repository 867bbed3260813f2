package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.engine.FloorDecision;
import io.scalableapp.engine.ForecastAccuracy;
import io.scalableapp.engine.ForecastSummary;
import io.scalableapp.engine.Reason;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.forecast.ForecastModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PredictionMetrics metrics = new PredictionMetrics(registry);
  private final ResourceID shop = new ResourceID("shop", "prod");

  private static Recommendation floor(int floor, Reason reason) {
    return new Recommendation(
        Instant.EPOCH,
        ScalingMode.ENFORCE,
        true,
        new FloorDecision(2, floor, floor, reason),
        new ForecastSummary(42.0, 40.0, ForecastModel.LINEAR, "", Duration.ofMinutes(3), null),
        new ForecastAccuracy(0.2, 12),
        true,
        "",
        List.of());
  }

  @Test
  void gaugesFollowTheLatestRecommendation() {
    metrics.record(shop, floor(4, Reason.FORECAST), true);
    metrics.record(shop, floor(6, Reason.RATE_LIMIT), true);

    assertThat(registry.get("scalableapp_recommended_replicas").tag("app", "shop").gauge().value())
        .isEqualTo(6);
    assertThat(registry.get("scalableapp_forecast_peak_demand").gauge().value()).isEqualTo(42.0);
    assertThat(
            registry.get("scalableapp_decisions_total").tag("reason", "forecast").counter().count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("scalableapp_decisions_total")
                .tag("reason", "rate_limit")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void metricsAvailabilityFollowsCompletedEvaluationsOnly() {
    assertThat(metricsAvailable()).isNaN();
    metrics.record(shop, floor(4, Reason.FORECAST), true);
    assertThat(metricsAvailable()).isEqualTo(1);

    metrics.record(shop, held(false), true);
    assertThat(metricsAvailable()).isZero();
    metrics.record(shop, floor(4, Reason.FORECAST), true);
    metrics.record(
        shop,
        held(false),
        false); // a failed evaluation's held floor: metrics unknown, keep what was seen
    assertThat(metricsAvailable()).isEqualTo(1);
  }

  private double metricsAvailable() {
    var gauge = registry.find("scalableapp_metrics_available").tag("app", "shop").gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  private static Recommendation held(boolean metricsAvailable) {
    return new Recommendation(
        Instant.EPOCH,
        ScalingMode.ENFORCE,
        true,
        new FloorDecision(4, 4, 4, Reason.HOLD),
        new ForecastSummary(Double.NaN, Double.NaN, null, "", Duration.ofMinutes(3), null),
        new ForecastAccuracy(Double.NaN, 0),
        metricsAvailable,
        "metrics unavailable",
        List.of());
  }

  @Test
  void aForgottenAppLeavesNoSeriesOfItsOwn() {
    ResourceID other = new ResourceID("cart", "prod");
    for (ResourceID app : List.of(shop, other)) {
      metrics.demand(app, 37.0);
      metrics.record(app, floor(4, Reason.FORECAST), true);
      metrics.replicas(app, 3, 5, false);
      metrics.failure(app, PredictionFailure.Kind.EvaluationFailed);
    }

    metrics.forget(shop);

    for (String name :
        List.of(
            "scalableapp_recommended_replicas",
            "scalableapp_demand",
            "scalableapp_ready_replicas",
            "scalableapp_hpa_desired_replicas",
            "scalableapp_metrics_available",
            "scalableapp_forecast_demand",
            "scalableapp_forecast_error_ratio",
            "scalableapp_decisions_total",
            "scalableapp_prediction_errors_total")) {
      assertThat(registry.find(name).tag("app", "shop").meters()).as(name).isEmpty();
      assertThat(registry.find(name).tag("app", "cart").meters())
          .as(name + " of another app")
          .isNotEmpty();
    }
    assertThat(registry.get("scalableapp_predicted_apps").tag("mode", "Enforce").gauge().value())
        .isEqualTo(1);
  }

  @Test
  void demandAndReplicasAreExportedBesideTheForecast() {
    metrics.replicas(
        shop, 3, 5,
        true); // before the first evaluation: nothing to attach to, so no gauges come back
    assertThat(registry.find("scalableapp_ready_replicas").gauges()).isEmpty();

    metrics.demand(shop, 37.0);
    metrics.record(shop, floor(4, Reason.FORECAST), true);
    metrics.replicas(shop, 3, 5, true);

    assertThat(
            registry
                .get("scalableapp_demand")
                .tags("namespace", "prod", "app", "shop")
                .gauge()
                .value())
        .isEqualTo(37.0);
    assertThat(registry.get("scalableapp_ready_replicas").tag("app", "shop").gauge().value())
        .isEqualTo(3);
    assertThat(registry.get("scalableapp_hpa_desired_replicas").tag("app", "shop").gauge().value())
        .isEqualTo(5);
    assertThat(registry.get("scalableapp_paused_apps").gauge().value()).isEqualTo(1);
    metrics.replicas(shop, null, null, false); // no Deployment status or HPA yet: unknown, not zero
    assertThat(registry.get("scalableapp_hpa_desired_replicas").tag("app", "shop").gauge().value())
        .isNaN();
    assertThat(registry.get("scalableapp_paused_apps").gauge().value()).isZero();
  }

  @Test
  void fleetCountsExistBeforeAnyAppAndFollowTheLatestDecisions() {
    assertThat(registry.get("scalableapp_predicted_apps").tag("mode", "Shadow").gauge().value())
        .isZero();
    assertThat(registry.get("scalableapp_held_apps").gauge().value()).isZero();

    metrics.record(shop, floor(4, Reason.FORECAST), true);
    metrics.record(new ResourceID("cart", "prod"), held(false), true);

    assertThat(registry.get("scalableapp_predicted_apps").tag("mode", "Enforce").gauge().value())
        .isEqualTo(2);
    assertThat(registry.get("scalableapp_predicted_apps").tag("mode", "Off").gauge().value())
        .isZero();
    assertThat(registry.get("scalableapp_held_apps").gauge().value()).isEqualTo(1);
    assertThat(
            registry
                .get("scalableapp_decisions_total")
                .tags("app", "cart", "reason", "hold")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void everyErrorReasonOfAnEvaluatedAppStartsAtZero() {
    metrics.record(shop, floor(4, Reason.FORECAST), true);

    assertThat(registry.find("scalableapp_prediction_errors_total").tag("app", "shop").counters())
        .hasSize(PredictionFailure.Kind.values().length)
        .allSatisfy(c -> assertThat(c.count()).isZero());
  }

  @Test
  void evaluationLatencyIsAHistogramOfAFewBuckets() {
    metrics.evaluationDuration(Duration.ofMillis(300).toNanos());

    var timer = registry.get("scalableapp_evaluation_duration").timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.takeSnapshot().histogramCounts()).hasSize(10);
  }
}
