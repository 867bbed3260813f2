package io.scalableapp.engine.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scalableapp.engine.series.Series;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The range query against a local HTTP server answering as Prometheus's query_range API does (the
 * ITs use a real Prometheus): parsing as the bytes arrive, a deadline for the whole exchange, and
 * error bodies made safe to echo.
 */
class PrometheusDemandSourceTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(1);
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;

  private static Series parse(String json, int points) throws IOException {
    RangeAnswerParser parser = new RangeAnswerParser(FROM, STEP, points);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    // Fed in small pieces, as the network delivers it: tokens split across feeds must still parse.
    for (int i = 0; i < bytes.length; i += 7) {
      parser.feed(bytes, i, Math.min(7, bytes.length - i));
    }
    return parser.finish();
  }

  private URI serve(Consumer<HttpExchange> handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/api/v1/query_range", handler::accept);
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void placesSamplesAtTheirStepAndLeavesGapsMissing() throws IOException {
    Series s =
        parse(
            """
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"values":"not these"},"values":[[1767225600,"10"],[1767225720.0,"12.5"],[1767225780,"NaN"]]}]}}""",
            4);

    assertThat(s.get(0)).isEqualTo(10);
    assertThat(s.get(1)).isNaN();
    assertThat(s.get(2)).isEqualTo(12.5);
    assertThat(s.get(3)).isNaN();
  }

  @Test
  void anEmptyResultIsAllMissingNotZero() throws IOException {
    Series s =
        parse("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}", 3);

    assertThat(s.toArray()).containsOnly(Double.NaN);
  }

  @Test
  void refusesSeveralSeriesNamingHowMany() {
    assertThatThrownBy(
            () ->
                parse(
                    """
            {"data":{"result":[{"metric":{"pod":"a"},"values":[[1767225600,"1"]]},{"metric":{"pod":"b"},"values":[]},
            {"metric":{"pod":"c"},"values":[[1767225600,"3"]]}]}}""",
                    3))
        .hasMessageContaining("returned 3 series")
        .hasMessageContaining("sum()");
  }

  /**
   * Issue 16, item 4: headers at once, then one byte a second; a 1 s deadline must hold for the
   * whole exchange.
   */
  @Test
  void aTricklingBodyEndsAtTheDeadline() throws Exception {
    URI prometheus =
        serve(
            exchange -> {
              try {
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (byte b :
                    "{\"status\":\"success\",\"data\":{\"result\":[]}}"
                        .getBytes(StandardCharsets.UTF_8)) {
                  out.write(b);
                  out.flush();
                  Thread.sleep(1000);
                }
                out.close();
              } catch (IOException | InterruptedException e) {
                exchange.close();
              }
            });
    var source =
        new PrometheusDemandSource(
            http, prometheus, "q", QueryListener.NONE, Duration.ofSeconds(1));

    long started = System.nanoTime();
    assertThatThrownBy(() -> source.fetch(FROM, FROM.plus(STEP.multipliedBy(2)), STEP))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("did not answer within 1s");
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took)
        .as("the caller is released at the deadline, not when the body ends")
        .isLessThan(Duration.ofSeconds(4));
  }

  /**
   * Two series' worth of answer, then a stall: the deadline's message says how many series had
   * arrived.
   */
  @Test
  void aStallAfterSeveralSeriesNamesThemAtTheDeadline() throws Exception {
    URI prometheus =
        serve(
            exchange -> {
              try {
                byte[] twoSeries =
                    ("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                            + "{\"metric\":{\"pod\":\"a\"},\"values\":[[1767225600,\"1\"]]},"
                            + "{\"metric\":{\"pod\":\"b\"},\"values\":[[1767225600,\"2\"]]},")
                        .getBytes(StandardCharsets.UTF_8);
                // A length the body never reaches: what was written goes out at once, and the
                // answer never ends.
                exchange.sendResponseHeaders(200, twoSeries.length + 1000);
                OutputStream out = exchange.getResponseBody();
                out.write(twoSeries);
                out.flush();
                Thread.sleep(30_000);
              } catch (IOException | InterruptedException e) {
                exchange.close();
              }
            });
    var source =
        new PrometheusDemandSource(
            http, prometheus, "q", QueryListener.NONE, Duration.ofSeconds(3));

    assertThatThrownBy(() -> source.fetch(FROM, FROM.plus(STEP.multipliedBy(2)), STEP))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("did not answer within 3s")
        .hasMessageContaining("it had sent 2 series so far");
  }

  /** The what-if names an unreachable Prometheus by the exception's type. */
  @Test
  void anUnreachablePrometheusFailsWithConnectException() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    var source =
        new PrometheusDemandSource(
            http,
            URI.create("http://127.0.0.1:" + closedPort),
            "q",
            QueryListener.NONE,
            Duration.ofSeconds(5));

    assertThatThrownBy(() -> source.fetch(FROM, FROM.plus(STEP), STEP))
        .isInstanceOf(ConnectException.class);
  }

  /** Answers every query with {@code status} and {@code body}. */
  private URI serveError(int status, String body) throws IOException {
    return serve(
        exchange -> {
          try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
          } catch (IOException e) {
            // the client went away: nothing to answer
          } finally {
            exchange.close();
          }
        });
  }

  /** Issue 16, item 2: an error body is echoed as one bounded line without control characters. */
  @Test
  void anErrorBodyIsReportedSanitisedAndBounded() throws Exception {
    String forged =
        "bad query\n2026-01-01 ERROR forged log line \u001b[31mred\u202e" + "x".repeat(50_000);
    var source = new PrometheusDemandSource(http, serveError(502, forged), "q", QueryListener.NONE);

    assertThatThrownBy(() -> source.fetch(FROM, FROM.plus(STEP), STEP))
        .isInstanceOf(IOException.class)
        .satisfies(
            e -> {
              String message = e.getMessage();
              assertThat(message)
                  .startsWith("Prometheus answered HTTP 502: bad query 2026-01-01 ERROR forged");
              assertThat(message).doesNotContain("\n", "\u001b", "\u202e");
              assertThat(message.length()).isLessThan(400);
            });
  }

  @Test
  void prometheusJsonErrorsAreReportedByTheirMessage() throws Exception {
    var source =
        new PrometheusDemandSource(
            http,
            serveError(
                400,
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 3\"}"),
            "q",
            QueryListener.NONE);

    assertThatThrownBy(() -> source.fetch(FROM, FROM.plus(STEP), STEP))
        .hasMessage("Prometheus answered HTTP 400: parse error at char 3");
  }
}
