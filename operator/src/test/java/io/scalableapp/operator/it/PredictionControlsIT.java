package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.condition;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ActiveScheduleStatus;
import io.scalableapp.operator.api.PredictionSchedule;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.dependent.Pause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scheduled floors and the pause annotations on the local cluster, with demand from a real
 * Prometheus replaying NASA traffic (about 16 requests a minute at the replayed "now"). A schedule
 * on "* * * * *" lasting two minutes is in force at every moment; one on "0 0 1 1 *" lasting a
 * minute only in the first minute of the year.
 */
class PredictionControlsIT {
  private static final String METRIC = "nasa_requests_per_minute";
  private static final Instant TRACE_NOW = Instant.parse("1995-07-20T06:30:00Z");

  @RegisterExtension
  static final PredictionFixture fixture =
      PredictionFixture.nasa("controls", METRIC, TRACE_NOW, Duration.ofHours(6));

  private static final ClusterNamespace cluster = fixture.cluster();

  private static ScalableApp predicted(
      String name, double targetPerReplica, PredictionSchedule... schedules) {
    ScalableApp app = TestApps.app(name, cluster.name());
    app.getSpec().getReplicas().setMin(2);
    app.getSpec().getReplicas().setMax(60);
    PredictionSpec p = app.getSpec().getPrediction();
    p.setMode(PredictionSpec.Mode.Enforce);
    p.setQuery(METRIC);
    p.setTargetPerReplica(targetPerReplica);
    p.setHorizon("5m");
    p.setLookback("2h");
    p.setSeasonality(PredictionSpec.Seasonality.None);
    p.setModel(PredictionSpec.Model.Linear);
    p.setSchedules(List.of(schedules));
    return app;
  }

  private static PredictionSchedule schedule(
      String name, String cron, String duration, Integer min, Integer cap) {
    PredictionSchedule s = new PredictionSchedule();
    s.setName(name);
    s.setCron(cron);
    s.setDuration(duration);
    s.setMinReplicas(min);
    s.setFloorCap(cap);
    return s;
  }

  private static HorizontalPodAutoscaler hpa(String name) {
    return AppAssertions.hpa(cluster.client(), cluster.name(), name);
  }

  private static Integer deploymentReplicas(String name) {
    Deployment d =
        cluster.client().apps().deployments().inNamespace(cluster.name()).withName(name).get();
    return d == null ? null : d.getSpec().getReplicas();
  }

  private static void annotate(String name, String key, String value) {
    String json = value == null ? "null" : "\"" + value + "\"";
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"" + key + "\":" + json + "}}}");
  }

  private static boolean hasEvent(String app, String reason, String messagePart) {
    return AppAssertions.hasEvent(cluster.client(), cluster.name(), app, reason, messagePart);
  }

  private static List<String> activeScheduleNames(ScalableApp app) {
    var active = app.getStatus().getPrediction().getActiveSchedules();
    return active == null ? List.of() : active.stream().map(ActiveScheduleStatus::getName).toList();
  }

  @Test
  void aScheduleInForceRaisesTheFloorAboveTheForecastAndStatusSaysWhich() {
    // 16 requests a minute at 10 per replica: the forecast alone asks for about 2 replicas.
    cluster
        .client()
        .resource(
            predicted(
                "launch",
                10,
                schedule("launch", "* * * * *", "2m", 30, null),
                schedule("new-year", "0 0 1 1 *", "1m", 50, null)))
        .create();

    // The HPA follows the evaluation at once; the status patch that explains it may come a moment
    // later.
    ScalableApp app =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "launch",
            a ->
                hpa("launch") != null
                    && hpa("launch").getSpec().getMinReplicas() == 30
                    && a.getStatus() != null
                    && a.getStatus().getPrediction() != null);
    var prediction = app.getStatus().getPrediction();
    assertThat(prediction.getRecommendedReplicas()).isEqualTo(30);
    assertThat(prediction.getLastDecision().getReason()).isEqualTo("Schedule");
    assertThat(prediction.getLastDecision().getMessage())
        .contains("forecast peak")
        .contains("schedule launch raises the floor to 30 until ");
    assertThat(activeScheduleNames(app)).containsExactly("launch");
    assertThat(prediction.getActiveSchedules().get(0).getEffect()).isEqualTo("Raise");
    assertThat(hpa("launch").getSpec().getMaxReplicas()).isEqualTo(60);
  }

  @Test
  void aCapInForceLowersTheForecastFloorButNotBelowReplicasMin() {
    // At 1 request per replica the forecast asks for well over 10 replicas.
    cluster
        .client()
        .resource(predicted("nights", 1, schedule("nights", "* * * * *", "2m", null, 5)))
        .create();

    ScalableApp app =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "nights",
            a ->
                a.getStatus() != null
                    && a.getStatus().getPrediction() != null
                    && a.getStatus().getPrediction().getActiveSchedules() != null
                    && hpa("nights") != null
                    && hpa("nights").getSpec().getMinReplicas() == 5);
    assertThat(app.getStatus().getPrediction().getLastDecision().getMessage())
        .contains("schedule nights caps the floor at 5");
    assertThat(app.getStatus().getPrediction().getActiveSchedules().get(0).getEffect())
        .isEqualTo("Cap");
    assertThat(
            fixture.trace().mean(TRACE_NOW.minus(Duration.ofMinutes(15)), Duration.ofMinutes(15)))
        .as("the forecast alone would ask for more than the cap")
        .isGreaterThan(10);
  }

  @Test
  void pausedReplicasPinTheHpaAtTheCountAndRemovingItResumes() {
    cluster
        .client()
        .resource(predicted("paused", 10, schedule("launch", "* * * * *", "2m", 20, null)))
        .create();
    awaitApp(
        cluster.client(),
        cluster.name(),
        "paused",
        a ->
            hpa("paused") != null
                && hpa("paused").getSpec().getMinReplicas() == 20
                && hasCondition("Paused", "False").test(a));

    annotate("paused", Pause.PAUSED_REPLICAS, "5");
    ScalableApp paused =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "paused",
            hasCondition("Paused", "True")
                .and(
                    a ->
                        hpa("paused").getSpec().getMinReplicas() == 5
                            && hpa("paused").getSpec().getMaxReplicas() == 5));
    assertThat(condition(paused, "Paused").getReason()).isEqualTo("PausedAtReplicas");
    assertThat(condition(paused, "Paused").getMessage())
        .startsWith("Paused at 5 replicas by scalableapp.io/paused-replicas");
    await().atMost(TIMEOUT).until(() -> hasEvent("paused", "Paused", "Paused at 5 replicas"));
    // The forecast keeps evaluating (and reporting) while paused; only its floor is not applied.
    Instant pausedDecision =
        Instant.parse(paused.getStatus().getPrediction().getLastDecision().getTime());
    ScalableApp later =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "paused",
            a ->
                Instant.parse(a.getStatus().getPrediction().getLastDecision().getTime())
                    .isAfter(pausedDecision));
    assertThat(later.getStatus().getPrediction().getRecommendedReplicas()).isEqualTo(20);
    assertThat(hpa("paused").getSpec().getMinReplicas()).isEqualTo(5);
    assertThat(
            cluster
                .client()
                .apps()
                .deployments()
                .inNamespace(cluster.name())
                .withName("paused")
                .get())
        .as("nothing is deleted")
        .isNotNull();

    annotate("paused", Pause.PAUSED_REPLICAS, null);
    ScalableApp resumed =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "paused",
            hasCondition("Paused", "False")
                .and(
                    a ->
                        hpa("paused").getSpec().getMinReplicas() == 20
                            && hpa("paused").getSpec().getMaxReplicas() == 60));
    assertThat(condition(resumed, "Paused").getReason()).isEqualTo("NotPaused");
    await()
        .atMost(TIMEOUT)
        .until(() -> hasEvent("paused", "Resumed", "pause annotations were removed"));
    assertThat(hasEvent("paused", "DriftRepaired", ""))
        .as("pinning the HPA is the operator's own move")
        .isFalse();
  }

  @Test
  void pausedTrueHoldsTheCurrentReplicasWhileTheScheduleRises() {
    ScalableApp app = predicted("frozen", 10, schedule("launch", "* * * * *", "2m", 8, null));
    app.getSpec().getAutoscaling().setEnabled(false);
    cluster.client().resource(app).create();
    await().atMost(TIMEOUT).until(() -> Integer.valueOf(8).equals(deploymentReplicas("frozen")));

    annotate("frozen", Pause.PAUSED, "true");
    awaitApp(cluster.client(), cluster.name(), "frozen", hasCondition("Paused", "True"));
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName("frozen")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"prediction\":{\"schedules\":"
                + "[{\"name\":\"launch\",\"cron\":\"* * * * *\",\"duration\":\"2m\",\"minReplicas\":12}]}}}");

    ScalableApp evaluated =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "frozen",
            a -> a.getStatus().getPrediction().getRecommendedReplicas() == 12);
    assertThat(condition(evaluated, "Paused").getReason()).isEqualTo("PausedAtCurrentReplicas");
    assertThat(condition(evaluated, "Paused").getMessage())
        .startsWith("Paused at the current 8 replicas");
    assertThat(deploymentReplicas("frozen"))
        .as("the new floor is not applied while paused")
        .isEqualTo(8);

    annotate("frozen", Pause.PAUSED, null);
    await().atMost(TIMEOUT).until(() -> Integer.valueOf(12).equals(deploymentReplicas("frozen")));
  }

  @Test
  void anUnreadablePauseHoldsTheCurrentReplicasAndWarns() {
    cluster
        .client()
        .resource(predicted("typo", 10, schedule("launch", "* * * * *", "2m", 6, null)))
        .create();
    awaitApp(
        cluster.client(),
        cluster.name(),
        "typo",
        a -> hpa("typo") != null && hpa("typo").getSpec().getMinReplicas() == 6);

    annotate("typo", Pause.PAUSED_REPLICAS, "five");
    ScalableApp paused =
        awaitApp(cluster.client(), cluster.name(), "typo", hasCondition("Paused", "True"));
    assertThat(condition(paused, "Paused").getReason()).isEqualTo("InvalidPauseAnnotation");
    await().atMost(TIMEOUT).until(() -> hasEvent("typo", "InvalidPauseAnnotation", "got \"five\""));
  }
}
