package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.HOLD;
import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.micrometer.core.instrument.Counter;
import io.scalableapp.engine.auto.AutoModeSettings;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.AutoModeStatus;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.prediction.PredictionSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * prediction.mode Auto end to end: a real Prometheus holding three days of real NASA traffic
 * (queried as office hours and as a flat line), and the operator judging each app on the history it
 * fetched against the same-cost envelope: promotion, a history that earns nothing, a restart, a
 * demotion. A short cadence (a verdict every 20 s instead of hourly) keeps the test short.
 */
@TestMethodOrder(OrderAnnotation.class)
class AutoModeIT {
  private static final String METRIC = "nasa_requests_per_minute";

  /** The same history made flat: a series the HPA alone serves without ever falling short. */
  private static final String FLAT = "0 * " + METRIC + " + 20";

  /**
   * Office hours over the same samples: 60 at night, a tenfold jump at 08:00 UTC until 18:00. No
   * CPU target or scale-down window sees the jump coming, the daily forecast does, so the forecast
   * beats even the envelope. (On NASA itself a longer window does as well at the same cost: Auto
   * keeps NASA in Shadow, as the scaling lab found.)
   */
  private static final String OFFICE =
      "sum(0 * " + METRIC + ") + 60 + 540 * (hour() >= bool 8) * (hour() < bool 18)";

  private static final Instant TRACE_NOW = Instant.parse("1995-07-20T06:30:00Z");

  // Demote below 5 % (the default is 0 %), so that a flat history, where neither falls short,
  // demotes.
  @RegisterExtension
  static final PredictionFixture fixture =
      PredictionFixture.nasa("auto", METRIC, TRACE_NOW, Duration.ofDays(3))
          .withAutoMode(
              new AutoModeSettings(
                  Duration.ofSeconds(20),
                  Duration.ofSeconds(20),
                  Duration.ofDays(2),
                  AutoModeSettings.DEFAULT_REPLAY_INTERVAL,
                  0.10,
                  0.05,
                  0.25));

  private static final ClusterNamespace cluster = fixture.cluster();

  private static ScalableApp auto(String name, String query, double targetPerReplica) {
    ScalableApp app = TestApps.app(name, cluster.name());
    app.getSpec().getReplicas().setMin(1);
    app.getSpec().getReplicas().setMax(100);
    PredictionSpec p = app.getSpec().getPrediction();
    p.setMode(PredictionSpec.Mode.Auto);
    p.setQuery(query);
    p.setTargetPerReplica(targetPerReplica);
    p.setSeasonality(PredictionSpec.Seasonality.Daily);
    p.setLookback("3d");
    return app;
  }

  private static Predicate<ScalableApp> autoMode(Predicate<AutoModeStatus> test) {
    return app ->
        app.getStatus() != null
            && app.getStatus().getPrediction() != null
            && app.getStatus().getPrediction().getAutoMode() != null
            && test.test(app.getStatus().getPrediction().getAutoMode());
  }

  private static int hpaFloor(String name) {
    return AppAssertions.hpaFloor(cluster.client(), cluster.name(), name);
  }

  private static Optional<Event> event(String app, String reason) {
    return AppAssertions.event(cluster.client(), cluster.name(), app, reason);
  }

  private static double appsInMode(String mode) {
    var gauge =
        fixture.operator().registry().find("scalableapp_auto_mode_apps").tag("mode", mode).gauge();
    return gauge == null ? 0 : gauge.value();
  }

  private static double counter(String name) {
    Counter c = fixture.operator().registry().find(name).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  @Order(1)
  void dailyTrafficIsPromotedWithTheFiguresWhileAFlatHistoryStaysInShadow() {
    cluster.client().resource(auto("daily", OFFICE, 30)).create();
    cluster.client().resource(auto("flat", FLAT, 1.5)).create();

    ScalableApp daily =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "daily",
            autoMode(s -> "Enforce".equals(s.getEffectiveMode())).and(a -> hpaFloor("daily") > 1));
    AutoModeStatus evidence = daily.getStatus().getPrediction().getAutoMode();
    assertThat(evidence.getReason()).isIn("Promoted", "StillBeating");
    assertThat(evidence.getWindow()).isEqualTo("2d");
    assertThat(evidence.getPoints()).isEqualTo(3 * 1440);
    assertThat(Double.parseDouble(evidence.getReductionPercent())).isGreaterThanOrEqualTo(10);
    assertThat(Double.parseDouble(evidence.getHpaUnderProvisionedMinutes()))
        .as("the HPA alone falls short")
        .isPositive();
    assertThat(daily.getStatus().getPrediction().getMode()).isEqualTo("Enforce");
    assertThat(condition(daily, "Predicting").getMessage())
        .contains("mode Auto runs it in Enforce");
    await().atMost(TIMEOUT).until(() -> event("daily", "PredictionPromoted").isPresent());
    assertThat(event("daily", "PredictionPromoted").get().getMessage())
        .contains(
            "promoted the app to Enforce",
            "same-cost HPA",
            "replica-h",
            "over the last 2d (4320 points)");

    ScalableApp flat =
        awaitApp(cluster.client(), cluster.name(), "flat", autoMode(s -> s.getPoints() != null));
    AutoModeStatus why = flat.getStatus().getPrediction().getAutoMode();
    assertThat(why.getEffectiveMode()).isEqualTo("Shadow");
    assertThat(why.getReason()).isEqualTo("NotBeating");
    assertThat(why.getMessage()).contains("does not beat the HPA at the same cost");
    assertThat(why.getHpaUnderProvisionedMinutes()).isEqualTo("0.00");
    assertThat(flat.getStatus().getPrediction().getMode()).isEqualTo("Shadow");
    assertThat(hpaFloor("flat")).as("Shadow changes nothing").isEqualTo(1);
    assertThat(event("flat", "PredictionPromoted")).isEmpty();

    // Auto replays what the evaluations fetched: one range query per evaluation (a 3-day history is
    // one chunk).
    double decisions = counter("scalableapp_decisions_total");
    double queries = counter("scalableapp_prometheus_queries_total");
    assertThat(queries).isBetween(decisions - 2, decisions + 2);
  }

  @Test
  @Order(2)
  void aRestartedOperatorKeepsEnforcingWhatStatusRecorded() {
    // Judged again only an hour after the recorded verdict: until then the mode can only come from
    // status.
    PredictionSettings settings = fixture.settings();
    fixture.restartOperator(
        settings.withAutoMode(settings.autoMode().withEvaluateEvery(Duration.ofHours(1))));

    await().atMost(TIMEOUT).until(() -> appsInMode("Enforce") == 1 && appsInMode("Shadow") == 1);
    assertThat(hpaFloor("daily"))
        .as("the floor is still enforced, not back at replicas.min")
        .isGreaterThan(1);
    assertThat(event("daily", "PredictionDemoted")).isEmpty();
    assertThat(
            cluster
                .client()
                .resources(ScalableApp.class)
                .inNamespace(cluster.name())
                .withName("daily")
                .get()
                .getStatus()
                .getPrediction()
                .getMode())
        .isEqualTo("Enforce");
  }

  @Test
  @Order(3)
  void whenTheForecastStopsBeatingTheHpaTheAppIsDemotedWithoutLosingRunningReplicas() {
    fixture.restartOperator(fixture.settings());
    int enforcedFloor = hpaFloor("daily");
    assertThat(enforcedFloor).isGreaterThan(1);

    // A patch, not an update of what was read: the restarted operator writes the app's status
    // meanwhile, and an update carrying the older resourceVersion would be refused (409).
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName("daily")
        .edit(
            a -> {
              a.getSpec().getPrediction().setQuery(FLAT);
              return a;
            });

    ScalableApp demoted =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "daily",
            autoMode(s -> "Shadow".equals(s.getEffectiveMode())));
    assertThat(demoted.getStatus().getPrediction().getAutoMode().getReason()).isEqualTo("Demoted");
    await().atMost(TIMEOUT).until(() -> event("daily", "PredictionDemoted").isPresent());
    assertThat(event("daily", "PredictionDemoted").get().getMessage()).contains("no longer beats");
    // The floor is released through a hold of the running replicas: the HPA keeps its metric
    // recommendations, not minReplicas, in its window, so minReplicas = 1 at once would let it
    // drop to what CPU alone asks for in one step. The hold ends by itself after the HPA's window.
    HorizontalPodAutoscaler held =
        await()
            .atMost(TIMEOUT)
            .until(
                () -> AppAssertions.hpa(cluster.client(), cluster.name(), "daily"),
                h ->
                    h.getMetadata().getAnnotations() != null
                        && h.getMetadata().getAnnotations().containsKey(HOLD));
    String[] hold = held.getMetadata().getAnnotations().get(HOLD).split("@");
    assertThat(Integer.parseInt(hold[0])).isGreaterThanOrEqualTo(enforcedFloor);
    assertThat(Instant.parse(hold[1])).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
    assertThat(held.getSpec().getMinReplicas()).isEqualTo(Integer.parseInt(hold[0]));
    assertThat(held.getMetadata().getAnnotations())
        .as("released once: the enforced-floor mark is gone")
        .doesNotContainKey("scalableapp.io/floor-enforced");
    // The HPA, not the operator, owns spec.replicas.
    assertThat(
            cluster
                .client()
                .apps()
                .deployments()
                .inNamespace(cluster.name())
                .withName("daily")
                .get()
                .getSpec()
                .getReplicas())
        .as("running replicas are not dropped by the demotion")
        .isGreaterThanOrEqualTo(enforcedFloor);
  }
}
