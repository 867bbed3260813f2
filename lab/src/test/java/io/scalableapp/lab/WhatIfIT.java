package io.scalableapp.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.prometheus.QueryListener;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.trace.OpenMetricsBackfill;
import io.scalableapp.lab.trace.PrometheusHistory;
import io.scalableapp.lab.trace.TraceCatalog;
import io.scalableapp.testsupport.PrometheusServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The what-if command against a real Prometheus (Debian's, installed by `make tools`) holding eight
 * days of NASA traffic as a per-second rate, backfilled with promtool as a user's Prometheus would
 * hold it.
 */
class WhatIfIT {
  private static final String METRIC = "nasa_requests_per_second";
  private static final Instant FROM = Instant.parse("1995-07-03T00:00:00Z");
  private static final Instant TO = Instant.parse("1995-07-11T00:00:00Z");
  @TempDir static Path dir;
  private static Trace nasa;
  private static PrometheusServer prometheus;
  private static URI url;

  @BeforeAll
  static void startPrometheus() throws Exception {
    nasa = new TraceCatalog(TraceCatalog.locate(Path.of(""))).nasa();
    prometheus =
        PrometheusServer.withoutTargets(Files.createDirectories(dir.resolve("prometheus")));
    prometheus.backfill(OpenMetricsBackfill.ratesPerSecond(nasa, METRIC, FROM, TO));
    prometheus.start();
    url = prometheus.url();
  }

  @AfterAll
  static void stopPrometheus() throws InterruptedException {
    if (prometheus != null) {
      prometheus.stop();
    }
  }

  @Test
  void theFetchedHistoryIsTheTrafficMinuteByMinuteInChunksBelowPrometheussLimit() throws Exception {
    AtomicInteger queries = new AtomicInteger();
    QueryListener counting =
        new QueryListener() {
          @Override
          public void querySent() {
            queries.incrementAndGet();
          }

          @Override
          public void samplesFetched(int count) {}
        };
    Trace fetched =
        new PrometheusHistory(counting)
            .fetch("nasa", url, METRIC, FROM.plusSeconds(60), TO, Duration.ofMinutes(1));

    assertThat(queries.get()).as("11,520 points need two queries").isEqualTo(2);
    assertThat(fetched.instant(0)).isEqualTo(FROM);
    int compared = 0;
    for (int i = 0; i < fetched.length(); i++) {
      int j = nasa.indexOf(fetched.instant(i));
      if (fetched.observed(i) && nasa.observed(j)) {
        assertThat(fetched.demand(i))
            .as("minute %s", fetched.instant(i))
            .isCloseTo(nasa.demand(j), within(1e-3));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(11_000);
  }

  @Test
  void theCommandWritesTheSameCostComparisonAndPlots(@TempDir Path out) throws Exception {
    WhatIf.main(
        new String[] {
          "--prometheus",
          url.toString(),
          "--query",
          METRIC,
          "--from",
          FROM.toString(),
          "--to",
          TO.toString(),
          "--name",
          "nasa-live",
          "--out",
          out.toString(),
          "--threads",
          "2"
        });

    String report = Files.readString(out.resolve("README.md"));
    assertThat(report).contains("nasa-live").contains("same-cost").contains(METRIC);
    assertThat(report)
        .as("an answer for this query, not the lab's own report")
        .startsWith("# What-if for `" + METRIC + "`: ")
        .doesNotContain("scaling-lab-analysis.md");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("frontier-nasa-live") && n.endsWith(".png"));
    }
  }
}
