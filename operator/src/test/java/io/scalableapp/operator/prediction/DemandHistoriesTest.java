package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.engine.metrics.DemandCheck;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.metrics.DemandValidator;
import io.scalableapp.engine.prometheus.PrometheusDemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.operator.prediction.FakePrometheus.RangeQuery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chunked first fetch, incremental polls and resets of an app's demand history, against
 * Prometheus's HTTP answers.
 */
class DemandHistoriesTest {
  private static final Duration STEP = Duration.ofMinutes(1);
  private static final Duration LOOKBACK = Duration.ofDays(14);
  private static final int LOOKBACK_POINTS = 20_160;
  private static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");
  private static final String QUERY = "sum(rate(http_requests_total[2m]))";
  private static final ResourceID SHOP = new ResourceID("shop", "prod");

  private final HttpClient http = HttpClient.newHttpClient();
  private final DemandHistories histories = new DemandHistories(http, new SimpleMeterRegistry());
  private FakePrometheus prometheus;

  @BeforeEach
  void start() throws IOException {
    prometheus = new FakePrometheus();
  }

  @AfterEach
  void stop() {
    prometheus.close();
  }

  /** Demand i at minute i after the epoch of the test, so every value names its own time. */
  private void storeMinutes(Instant from, Instant to) {
    for (Instant t = from; !t.isAfter(to); t = t.plus(STEP)) {
      prometheus.put(t, valueAt(t));
    }
  }

  private static double valueAt(Instant t) {
    return Duration.between(NOW.minus(LOOKBACK), t).toMinutes();
  }

  private DemandSource history() {
    return histories.forApp(SHOP, prometheus.url(), QUERY, STEP, LOOKBACK);
  }

  /** What the engine asks for at {@code to}: the lookback ending there. */
  private static Series fetchUntil(DemandSource source, Instant to) throws Exception {
    return source.fetch(to.minus(LOOKBACK).plus(STEP), to, STEP);
  }

  private static void assertHoldsEveryMinuteUntil(Series s, Instant to) {
    assertThat(s.size()).isEqualTo(LOOKBACK_POINTS);
    assertThat(s.end()).isEqualTo(to);
    double[] expected = new double[s.size()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = valueAt(s.timeAt(i));
    }
    assertThat(s.toArray()).containsExactly(expected);
  }

  @Test
  void aFourteenDayLookbackArrivesWholeInChunksPrometheusAccepts() throws Exception {
    storeMinutes(NOW.minus(LOOKBACK), NOW);

    Series s = fetchUntil(history(), NOW);

    assertHoldsEveryMinuteUntil(s, NOW);
    List<RangeQuery> queries = prometheus.queries();
    assertThat(queries).extracting(RangeQuery::points).containsExactly(10_000, 10_000, 160);
    for (int i = 1; i < queries.size(); i++) {
      assertThat(queries.get(i).start())
          .as("chunks neither overlap nor leave a gap")
          .isEqualTo(queries.get(i - 1).end().plus(STEP));
    }
    assertThat(histories.counters().queries()).isEqualTo(3);
    assertThat(histories.counters().samples()).isEqualTo(LOOKBACK_POINTS);
  }

  @Test
  void oneQueryForTheWholeLookbackIsRefusedAsPrometheusRefusesIt() {
    storeMinutes(NOW.minus(LOOKBACK), NOW);
    var single = new PrometheusDemandSource(http, prometheus.url(), QUERY, histories.counters());

    assertThatThrownBy(() -> fetchUntil(single, NOW))
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("11,000 points")
        .hasMessageNotContaining(prometheus.url().toString());
  }

  @Test
  void laterPollsAskOnlyForNewStepsAndAShortTailAndDropWhatLeftTheLookback() throws Exception {
    storeMinutes(NOW.minus(LOOKBACK), NOW);
    fetchUntil(history(), NOW);
    prometheus.clearQueries();
    long samplesBefore = histories.counters().samples();

    Instant later = NOW.plus(Duration.ofMinutes(2));
    storeMinutes(NOW.plus(STEP), later);
    Series s = fetchUntil(history(), later);

    assertHoldsEveryMinuteUntil(s, later);
    RangeQuery poll = prometheus.queries().get(0);
    assertThat(prometheus.queries()).hasSize(1);
    assertThat(poll.start())
        .isEqualTo(NOW.minus(STEP.multipliedBy(IncrementalDemandHistory.REFETCHED_TAIL_STEPS)));
    assertThat(poll.end()).isEqualTo(later);
    assertThat(histories.counters().samples() - samplesBefore)
        .isEqualTo(IncrementalDemandHistory.REFETCHED_TAIL_STEPS + 3);
  }

  @Test
  void samplesThatArriveLateArePickedUpByTheNextPoll() throws Exception {
    Instant lateFrom = NOW.minus(Duration.ofMinutes(2));
    storeMinutes(NOW.minus(LOOKBACK), lateFrom.minus(STEP));
    assertThat(fetchUntil(history(), NOW).tail(3).validCount()).as("not ingested yet").isZero();

    Instant next = NOW.plus(STEP);
    storeMinutes(lateFrom, next);

    assertHoldsEveryMinuteUntil(fetchUntil(history(), next), next);
  }

  @Test
  void whenSamplesStopTheNewStepsStayMissingSoTheEngineSeesStaleness() throws Exception {
    storeMinutes(NOW.minus(LOOKBACK), NOW);
    fetchUntil(history(), NOW);

    Instant later = NOW.plus(Duration.ofMinutes(4));
    Series s = fetchUntil(history(), later);

    assertThat(s.tail(4).validCount()).isZero();
    DemandCheck check = new DemandValidator(Duration.ofMinutes(3), 1000).check(s, later, 10);
    assertThat(check.available()).isFalse();
    assertThat(check.problem()).contains("no valid demand sample in the last");
  }

  @Test
  void gapsStayMissingAcrossPollsRatherThanBecomingZero() throws Exception {
    storeMinutes(NOW.minus(LOOKBACK), NOW);
    Instant nanSample = NOW.minus(Duration.ofDays(3));
    Instant noSample = NOW.minus(Duration.ofDays(2));
    prometheus.put(nanSample, Double.NaN);
    prometheus.remove(noSample);
    fetchUntil(history(), NOW);

    Instant later = NOW.plus(STEP);
    prometheus.put(later, valueAt(later));
    Series s = fetchUntil(history(), later);

    assertThat(s.get(s.indexNear(nanSample))).isNaN();
    assertThat(s.get(s.indexNear(noSample))).isNaN();
    assertThat(s.validCount()).isEqualTo(LOOKBACK_POINTS - 2);
  }

  @Test
  void aChangedQueryStepLookbackOrPrometheusStartsAFreshHistory() throws Exception {
    String otherQuery = "sum(rate(other_total[2m]))";
    List<Supplier<DemandSource>> changes =
        List.of(
            () -> histories.forApp(SHOP, prometheus.url(), otherQuery, STEP, LOOKBACK),
            () -> histories.forApp(SHOP, prometheus.url(), QUERY, Duration.ofSeconds(30), LOOKBACK),
            () -> histories.forApp(SHOP, prometheus.url(), QUERY, STEP, Duration.ofDays(7)),
            () ->
                histories.forApp(
                    SHOP, URI.create(prometheus.url() + "/prometheus"), QUERY, STEP, LOOKBACK),
            () -> {
              histories.forget(SHOP);
              return history();
            });
    for (Supplier<DemandSource> change : changes) {
      DemandSource before = history();
      assertThat(history()).as("unchanged settings keep the history").isSameAs(before);
      assertThat(change.get()).isNotSameAs(before);
    }

    storeMinutes(NOW.minus(LOOKBACK), NOW.plus(STEP));
    fetchUntil(history(), NOW);
    prometheus.clearQueries();
    fetchUntil(
        histories.forApp(SHOP, prometheus.url(), otherQuery, STEP, LOOKBACK), NOW.plus(STEP));
    assertThat(prometheus.queries())
        .as("the new query's whole lookback")
        .hasSize(3)
        .allMatch(q -> q.query().equals(otherQuery));
  }

  @Test
  void aFailedPollLeavesTheHistoryAndTheNextOneCatchesUp() throws Exception {
    storeMinutes(NOW.minus(LOOKBACK), NOW.plus(Duration.ofMinutes(3)));
    fetchUntil(history(), NOW);

    prometheus.failWith(503);
    assertThatThrownBy(() -> fetchUntil(history(), NOW.plus(STEP)))
        .hasMessage("Prometheus answered HTTP 503: overloaded");
    prometheus.failWith(0);
    prometheus.clearQueries();

    Instant later = NOW.plus(Duration.ofMinutes(3));
    assertHoldsEveryMinuteUntil(fetchUntil(history(), later), later);
    assertThat(prometheus.queries()).hasSize(1);
  }

  @Test
  void aNegativeRateAfterACounterResetIsNeverTakenAsDemand() throws Exception {
    storeMinutes(NOW.minus(LOOKBACK), NOW.plus(Duration.ofMinutes(4)));
    prometheus.put(NOW, -5e6);
    DemandValidator validator = new DemandValidator(Duration.ofMinutes(3), 1000);

    DemandCheck atTheHead = validator.check(fetchUntil(history(), NOW), NOW, 10);
    assertThat(atTheHead.available()).isFalse();
    assertThat(atTheHead.problem()).contains("negative");

    Instant later = NOW.plus(Duration.ofMinutes(4));
    DemandCheck once = validator.check(fetchUntil(history(), later), later, 10);
    assertThat(once.available()).as("an older bad point is only a gap").isTrue();
    assertThat(once.series().get(once.series().indexNear(NOW))).isNaN();
  }
}
