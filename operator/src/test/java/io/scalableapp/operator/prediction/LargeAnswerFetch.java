package io.scalableapp.operator.prediction;

import io.scalableapp.engine.prometheus.PrometheusDemandSource;
import io.scalableapp.engine.prometheus.QueryListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Run in its own JVM by {@link LargePrometheusAnswerTest}: as many range queries at once as the
 * operator has prediction workers, each answered with a very large body. Prints one line per query:
 * what it returned or the message it failed with.
 */
public final class LargeAnswerFetch {
  private LargeAnswerFetch() {}

  public static void main(String[] args) throws Exception {
    URI prometheus = URI.create(args[0]);
    int points = Integer.parseInt(args[1]);
    HttpClient http = HttpClient.newHttpClient();
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Duration step = Duration.ofMinutes(1);
    ExecutorService workers = Executors.newFixedThreadPool(PredictionSettings.DEFAULT_CONCURRENCY);
    List<Future<String>> runs = new ArrayList<>();
    for (int i = 0; i < PredictionSettings.DEFAULT_CONCURRENCY; i++) {
      runs.add(
          workers.submit(
              () -> {
                var source =
                    new PrometheusDemandSource(http, prometheus, "demand", QueryListener.NONE);
                return "returned "
                    + source.fetch(from, from.plus(step.multipliedBy(points - 1)), step).size()
                    + " points";
              }));
    }
    for (Future<String> run : runs) {
      try {
        System.out.println("RESULT " + run.get());
      } catch (java.util.concurrent.ExecutionException e) {
        System.out.println(
            "RESULT " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
      }
    }
    workers.shutdownNow();
  }
}
