package io.scalableapp.engine.prometheus;

import io.scalableapp.engine.http.BoundedExchange;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.series.Series;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Prometheus range query per fetch ({@code GET /api/v1/query_range}, as documented at
 * prometheus.io/docs/prometheus/latest/querying/api), for the operator and the lab's what-if alike.
 * Prometheus refuses more than 11,000 points per query; longer histories go through {@link
 * ChunkedRangeQuery}. The whole exchange, body included, has a deadline ({@link #TIMEOUT}): the
 * JDK's request timeout stops counting once the headers are in, and a server trickling its body
 * would otherwise hold the caller for ever. The answer is parsed as it arrives ({@link
 * RangeAnswerParser}), never buffered whole.
 */
public final class PrometheusDemandSource implements DemandSource {
  /** For the whole exchange: connecting, the headers and the last byte of the body. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final URI baseUrl;
  private final String query;
  private final QueryListener counters;
  private final Duration timeout;

  public PrometheusDemandSource(
      HttpClient http, URI baseUrl, String query, QueryListener counters) {
    this(http, baseUrl, query, counters, TIMEOUT);
  }

  public PrometheusDemandSource(
      HttpClient http, URI baseUrl, String query, QueryListener counters, Duration timeout) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.query = query;
    this.counters = counters;
    this.timeout = timeout;
  }

  @Override
  public Series fetch(Instant from, Instant to, Duration step)
      throws IOException, InterruptedException {
    URI uri =
        URI.create(
            baseUrl.toString().replaceAll("/+$", "")
                + "/api/v1/query_range"
                + "?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&start="
                + from.getEpochSecond()
                + "&end="
                + to.getEpochSecond()
                + "&step="
                + step.getSeconds());
    counters.querySent();
    RangeAnswerParser parser = new RangeAnswerParser(from, step, points(from, to, step));
    AtomicReference<RangeAnswerSubscriber> body = new AtomicReference<>();
    try {
      Series series =
          BoundedExchange.send(
                  http,
                  HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                  timeout,
                  info -> {
                    body.set(new RangeAnswerSubscriber(info.statusCode(), parser));
                    return body.get();
                  },
                  () -> Optional.ofNullable(body.get()).ifPresent(RangeAnswerSubscriber::cancel))
              .body();
      counters.samplesFetched(parser.samples());
      return series;
    } catch (BoundedExchange.DeadlineException e) {
      throw new IOException(
          "Prometheus did not answer within "
              + timeout.toSeconds()
              + "s (body included"
              + (parser.series() > 1
                  ? "; it had sent "
                      + parser.series()
                      + " series so far: aggregate the query to one,"
                      + " e.g. with sum()"
                  : "")
              + ")");
    }
  }

  /**
   * Points of a range query from {@code from} to {@code to}, both included, as Prometheus counts
   * them.
   */
  public static int points(Instant from, Instant to, Duration step) {
    return to.isBefore(from) ? 0 : (int) (Duration.between(from, to).dividedBy(step) + 1);
  }
}
