package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.condition;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scalableapp.engine.text.DurationText;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.prediction.PredictionSettings;
import io.scalableapp.testsupport.PrometheusServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Predictive scaling end to end: a real Prometheus holding a week of real NASA traffic, replayed so
 * that "now" is shortly before a morning ramp, and the operator on the local cluster.
 */
@TestMethodOrder(OrderAnnotation.class)
class PredictiveScalingIT {
  private static final String METRIC = "nasa_requests_per_minute";
  private static final double TARGET_PER_REPLICA = 10;
  @RegisterExtension static final ClusterNamespace cluster = ClusterNamespace.withPrefix("predict");
  private static TraceReplay trace;
  private static PrometheusServer prometheus;
  private static LocalCluster.RunningOperator operator;
  private static Instant traceNow;

  @BeforeAll
  static void start() throws Exception {
    traceNow = morningRamp();
    trace = TraceReplay.of(TraceReplay.NASA, traceNow, METRIC);
    prometheus = trace.startPrometheus(traceNow, Duration.ofDays(7));
    operator =
        LocalCluster.startOperator(
            cluster,
            new PredictionSettings(prometheus.url(), Duration.ofSeconds(2), Duration.ofMinutes(1)));
  }

  @AfterAll
  static void stop() throws Exception {
    if (operator != null) operator.stop();
    if (prometheus != null) prometheus.close();
    if (trace != null) trace.close();
  }

  /**
   * Thursday 1995-07-20, 06:30: about 16 requests a minute, climbing to about 50 by 08:00 as on the
   * weekday mornings before it. Checked, so the test cannot pass on a flat stretch.
   */
  private static Instant morningRamp() throws Exception {
    Instant t = Instant.parse("1995-07-20T06:30:00Z");
    TraceReplay probe = TraceReplay.of(TraceReplay.NASA, t, METRIC);
    double recent = probe.mean(t.minus(Duration.ofMinutes(15)), Duration.ofMinutes(15));
    double coming = probe.mean(t.plus(Duration.ofMinutes(45)), Duration.ofMinutes(15));
    if (coming < 2 * recent) {
      throw new IllegalStateException(
          "expected a morning ramp at " + t + ", got " + recent + " -> " + coming);
    }
    return t;
  }

  private static ScalableApp predicted(String name, PredictionSpec.Mode mode) {
    ScalableApp app = TestApps.app(name, cluster.name());
    app.getSpec().getReplicas().setMin(1);
    app.getSpec().getReplicas().setMax(60);
    PredictionSpec p = app.getSpec().getPrediction();
    p.setMode(mode);
    p.setQuery(METRIC);
    p.setTargetPerReplica(TARGET_PER_REPLICA);
    p.setHorizon("1h");
    p.setSeasonality(PredictionSpec.Seasonality.Daily);
    return app;
  }

  private static int hpaFloor(String name) {
    return AppAssertions.hpaFloor(cluster.client(), cluster.name(), name);
  }

  /**
   * Replicas the current demand level (mean of the minutes around now) needs, with the default 10 %
   * headroom.
   */
  private static int neededNow() {
    return (int)
        Math.ceil(
            trace.mean(traceNow.minus(Duration.ofMinutes(15)), Duration.ofMinutes(20))
                * 1.1
                / TARGET_PER_REPLICA);
  }

  private static boolean hasEvent(String app, String reason) {
    return AppAssertions.event(cluster.client(), cluster.name(), app, reason).isPresent();
  }

  @Test
  @Order(1)
  void enforceRaisesTheHpaFloorBeforeTheRampWhileShadowOnlyReports() {
    cluster.client().resource(predicted("enforced", PredictionSpec.Mode.Enforce)).create();
    cluster.client().resource(predicted("shadow", PredictionSpec.Mode.Shadow)).create();
    int needed = neededNow();

    ScalableApp enforced =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "enforced",
            hasCondition("MetricsAvailable", "True").and(a -> hpaFloor("enforced") > needed));
    var prediction = enforced.getStatus().getPrediction();
    assertThat(prediction.getRecommendedReplicas()).isGreaterThan(needed);
    assertThat(prediction.getLastDecision().getReason()).isIn("Forecast", "Bound");
    // Ahead of current demand, yet not beyond what the coming hour really brings (plus headroom
    // slack).
    double comingPeak = trace.peak(traceNow, Duration.ofMinutes(90));
    assertThat(prediction.getRecommendedReplicas())
        .isLessThanOrEqualTo((int) Math.ceil(comingPeak * 1.5 / TARGET_PER_REPLICA));

    await().atMost(TIMEOUT).until(() -> hasEvent("enforced", "FloorRaised"));
    assertThat(hasEvent("enforced", "DriftRepaired"))
        .as("the operator's own floor moves are no drift")
        .isFalse();

    ScalableApp shadow =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "shadow",
            a ->
                a.getStatus() != null
                    && a.getStatus().getPrediction() != null
                    && a.getStatus().getPrediction().getRecommendedReplicas() > needed);
    assertThat(shadow.getStatus().getPrediction().getMode()).isEqualTo("Shadow");
    assertThat(hpaFloor("shadow")).as("Shadow changes nothing").isEqualTo(1);
  }

  @Test
  @Order(2)
  void aPrometheusOutageHoldsTheFloorAndRecovers() throws Exception {
    awaitApp(cluster.client(), cluster.name(), "enforced", a -> hpaFloor("enforced") > neededNow());
    int floorBefore = hpaFloor("enforced");

    prometheus.stop();
    ScalableApp held =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "enforced",
            hasCondition("MetricsAvailable", "False"));
    assertThat(condition(held, "MetricsAvailable").getMessage()).contains("metrics unavailable");
    assertThat(held.getStatus().getPrediction().getLastDecision().getReason()).isEqualTo("Hold");
    assertThat(hpaFloor("enforced"))
        .as("no scale-down because metrics vanished")
        .isGreaterThanOrEqualTo(floorBefore);
    await().atMost(TIMEOUT).until(() -> hasEvent("enforced", "MetricsUnavailable"));

    prometheus.start();
    awaitApp(
        cluster.client(), cluster.name(), "enforced", hasCondition("MetricsAvailable", "True"));
    assertThat(hpaFloor("enforced")).isGreaterThan(neededNow());
  }

  @Test
  @Order(3)
  void withoutAHorizonTheFloorLooksAsFarAheadAsPodsTakeToBecomeReady() {
    ScalableApp app = predicted("learned", PredictionSpec.Mode.Shadow);
    app.getSpec().getPrediction().setHorizon(null);
    app.getSpec().getReplicas().setMin(6);
    cluster.client().resource(app).create();

    // Until five pods were seen to become ready the horizon is the 2-minute fallback plus the
    // 1-minute margin; kwok's pods are ready within seconds, so the learned one is about 1 minute.
    ScalableApp learned =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "learned",
            a ->
                a.getStatus() != null
                    && a.getStatus().getPrediction() != null
                    && DurationText.parse(a.getStatus().getPrediction().getHorizon())
                            .compareTo(Duration.ofMinutes(2))
                        < 0);
    assertThat(DurationText.parse(learned.getStatus().getPrediction().getHorizon()))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
  }
}
