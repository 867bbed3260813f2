package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
    return new Recommendation(Instant.EPOCH, ScalingMode.ENFORCE, true, 2, floor, floor, reason, 42.0, 40.0,
        ForecastModel.LINEAR, "", Duration.ofMinutes(3), 0.2, 12, true, "", List.of(), null);
  }

  @Test
  void gaugesFollowTheLatestRecommendation() {
    metrics.record(shop, floor(4, Reason.FORECAST), true);
    metrics.record(shop, floor(6, Reason.RATE_LIMIT), true);

    assertThat(registry.get("scalableapp_recommended_replicas").tag("app", "shop").gauge().value()).isEqualTo(6);
    assertThat(registry.get("scalableapp_forecast_peak_demand").gauge().value()).isEqualTo(42.0);
    assertThat(registry.get("scalableapp_decisions_total").tag("reason", "forecast").counter().count()).isEqualTo(1);
    assertThat(registry.get("scalableapp_decisions_total").tag("reason", "rate_limit").counter().count()).isEqualTo(1);
  }

  @Test
  void metricsAvailabilityFollowsCompletedEvaluationsOnly() {
    assertThat(metricsAvailable()).isNaN();
    metrics.record(shop, floor(4, Reason.FORECAST), true);
    assertThat(metricsAvailable()).isEqualTo(1);

    metrics.record(shop, held(false), true);
    assertThat(metricsAvailable()).isZero();
    metrics.record(shop, floor(4, Reason.FORECAST), true);
    metrics.record(shop, held(false), false); // a failed evaluation's held floor: metrics unknown, keep what was seen
    assertThat(metricsAvailable()).isEqualTo(1);
  }

  private double metricsAvailable() {
    var gauge = registry.find("scalableapp_metrics_available").tag("app", "shop").gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  private static Recommendation held(boolean metricsAvailable) {
    return new Recommendation(Instant.EPOCH, ScalingMode.ENFORCE, true, 4, 4, 4, Reason.HOLD, Double.NaN, Double.NaN,
        null, "", Duration.ofMinutes(3), Double.NaN, 0, metricsAvailable, "metrics unavailable", List.of(), null);
  }

  @Test
  void aForgottenAppLeavesNoGauges() {
    metrics.record(shop, floor(4, Reason.FORECAST), true);

    metrics.forget(shop);

    assertThat(registry.find("scalableapp_recommended_replicas").gauges()).isEmpty();
  }
}
