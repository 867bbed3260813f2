package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.prometheus.PrometheusDemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.prediction.DemandHistories;
import io.scalableapp.operator.prediction.PredictionSettings;
import io.scalableapp.testsupport.PrometheusServer;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 14-day lookback, as weekly seasonality needs, against a real Prometheus holding 15 days of real
 * NASA traffic: more than one range query may return, so it only works in chunks, and only the
 * first fetch should cost that much.
 */
class LongLookbackIT {
  private static final String METRIC = "nasa_requests_per_minute";
  private static final Duration STEP = Duration.ofMinutes(1);
  private static final Duration LOOKBACK = Duration.ofDays(14);
  private static final int LOOKBACK_POINTS = 20_160;

  /**
   * A poll re-fetches a five-step tail plus the new steps; at a 2 s interval that is at most 7
   * points.
   */
  private static final int MAX_POINTS_PER_POLL = 7;

  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("lookback");

  private static final HttpClient http = HttpClient.newHttpClient();
  private static TraceReplay trace;
  private static PrometheusServer prometheus;
  private static LocalCluster.RunningOperator operator;
  private static Instant traceNow;

  @BeforeAll
  static void start() throws Exception {
    traceNow = Instant.parse("1995-07-20T06:30:00Z");
    trace = TraceReplay.of(TraceReplay.NASA, traceNow, METRIC);
    prometheus = trace.startPrometheus(traceNow, Duration.ofDays(15));
    operator =
        LocalCluster.startOperator(
            cluster, new PredictionSettings(prometheus.url(), Duration.ofSeconds(2), STEP));
  }

  @AfterAll
  static void stop() throws Exception {
    if (operator != null) operator.stop();
    if (prometheus != null) prometheus.close();
    if (trace != null) trace.close();
  }

  private static Instant currentStep() {
    return Clock.systemUTC().instant().truncatedTo(ChronoUnit.MINUTES);
  }

  private static Series fetchLookbackUntil(DemandSource source, Instant to) throws Exception {
    return source.fetch(to.minus(LOOKBACK).plus(STEP), to, STEP);
  }

  @Test
  void theWholeLookbackArrivesInChunksWhereOneQueryIsRefused() throws Exception {
    DemandHistories histories = new DemandHistories(http, new SimpleMeterRegistry());
    Instant to = currentStep();

    assertThatThrownBy(
            () ->
                fetchLookbackUntil(
                    new PrometheusDemandSource(
                        http, prometheus.url(), METRIC, histories.counters()),
                    to))
        .as("Prometheus itself refuses the 14 days in one query")
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("exceeded maximum resolution of 11,000 points");

    long queriesBefore = histories.counters().queries();
    Series s =
        fetchLookbackUntil(
            histories.forApp(
                new ResourceID("shop", "it"), prometheus.url(), METRIC, STEP, LOOKBACK),
            to);

    assertThat(s.size()).isEqualTo(LOOKBACK_POINTS);
    assertThat(s.validCount()).isEqualTo(LOOKBACK_POINTS);
    // The backfilled part, minute by minute; the rest was scraped live.
    for (int i = 0; trace.traceTime(s.timeAt(i)).isBefore(traceNow); i++) {
      assertThat(s.get(i))
          .as("minute %s", s.timeAt(i))
          .isEqualTo(trace.at(trace.traceTime(s.timeAt(i))));
    }
    assertThat(histories.counters().queries() - queriesBefore).isEqualTo(3);
    assertThat(histories.counters().samples()).isEqualTo(LOOKBACK_POINTS);

    long samplesBefore = histories.counters().samples();
    Instant next = to.plus(STEP);
    Series polled =
        fetchLookbackUntil(
            histories.forApp(
                new ResourceID("shop", "it"), prometheus.url(), METRIC, STEP, LOOKBACK),
            next);

    assertThat(polled.size()).isEqualTo(LOOKBACK_POINTS);
    assertThat(polled.start()).isEqualTo(s.start().plus(STEP));
    assertThat(histories.counters().queries() - queriesBefore).as("one more query").isEqualTo(4);
    assertThat(histories.counters().samples() - samplesBefore)
        .as("the tail and the new step")
        .isLessThanOrEqualTo(MAX_POINTS_PER_POLL)
        .isPositive();
  }

  @Test
  void aWeeklySeasonalAppGetsMetricsAndAForecastThroughTheOperatorAndLaterPollsAreSmall() {
    ScalableApp app = TestApps.app("weekly", cluster.name());
    app.getSpec().getReplicas().setMin(1);
    app.getSpec().getReplicas().setMax(60);
    PredictionSpec p = app.getSpec().getPrediction();
    p.setMode(PredictionSpec.Mode.Shadow);
    p.setQuery(METRIC);
    p.setTargetPerReplica(10.0);
    p.setHorizon("1h");
    p.setLookback("14d");
    p.setSeasonality(PredictionSpec.Seasonality.Weekly);
    cluster.client().resource(app).create();

    ScalableApp predicted =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "weekly",
            hasCondition("MetricsAvailable", "True")
                .and(
                    a ->
                        a.getStatus().getPrediction() != null
                            && a.getStatus().getPrediction().getForecast() != null));
    assertThat(predicted.getStatus().getPrediction().getModel()).isNotNull();
    assertThat(predicted.getStatus().getPrediction().getRecommendedReplicas()).isPositive();

    // A query is counted when sent and its samples when answered: one poll in flight at either
    // reading may add its samples without its query, hence the one extra poll allowed.
    MeterRegistry registry = operator.registry();
    double queriesBefore = queries(registry);
    double samplesBefore = samples(registry);
    await().atMost(AppAssertions.TIMEOUT).until(() -> queries(registry) >= queriesBefore + 3);
    double polls = queries(registry) - queriesBefore;
    assertThat(samples(registry) - samplesBefore)
        .as("samples fetched by %s polls after the first", polls)
        .isLessThanOrEqualTo((polls + 1) * MAX_POINTS_PER_POLL);
  }

  private static double queries(MeterRegistry registry) {
    return registry.get("scalableapp_prometheus_queries_total").counter().count();
  }

  private static double samples(MeterRegistry registry) {
    return registry.get("scalableapp_prometheus_samples_fetched_total").counter().count();
  }
}
