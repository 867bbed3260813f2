package io.scalableapp.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real local HTTP server: one that answers at once, one that trickles, one that stalls,
 * one that answers too much.
 */
class BoundedExchangeTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/ok",
        exchange -> {
          byte[] body = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    // Headers at once, then one byte a second: the JDK's request timeout no longer counts.
    server.createContext(
        "/trickle",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 30; i++) {
              out.write('x');
              out.flush();
              Thread.sleep(1000);
            }
          } catch (Exception stopped) {
            // the client went away
          }
        });
    // Headers, then nothing: the body never ends.
    server.createContext(
        "/stall",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try {
            exchange.getResponseBody().flush();
            Thread.sleep(30_000);
          } catch (Exception stopped) {
            // the client went away
          }
        });
    server.createContext(
        "/large",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(new byte[64 * 1024]);
          } catch (Exception stopped) {
            // the client went away
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
        .timeout(Duration.ofSeconds(2))
        .build();
  }

  @Test
  void aPromptAnswerIsReadWhole() throws Exception {
    HttpResponse<String> response =
        BoundedExchange.send(http, request("/ok"), Duration.ofSeconds(5), 1024);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"success\":true}");
  }

  @Test
  void aTricklingBodyEndsAtTheDeadline() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> BoundedExchange.send(http, request("/trickle"), Duration.ofSeconds(2), 1024))
        .isInstanceOf(HttpTimeoutException.class);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    // The body would take 30 s; the request timeout alone let a caller wait past 8 s.
    assertThat(took).isLessThan(Duration.ofSeconds(6));
  }

  @Test
  void aStalledBodyOfAnyHandlerEndsAtTheDeadlineAndIsAbandoned() {
    AtomicInteger abandoned = new AtomicInteger();
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                BoundedExchange.send(
                    http,
                    request("/stall"),
                    Duration.ofMillis(1500),
                    HttpResponse.BodyHandlers.ofString(),
                    abandoned::incrementAndGet))
        .isInstanceOfSatisfying(
            BoundedExchange.DeadlineException.class,
            e -> assertThat(e.deadline()).isEqualTo(Duration.ofMillis(1500)))
        .hasMessageContaining("1500 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(abandoned).hasValue(1);
  }

  @Test
  void aPromptAnswerOfAnyHandlerAbandonsNothing() throws Exception {
    AtomicInteger abandoned = new AtomicInteger();
    HttpResponse<byte[]> response =
        BoundedExchange.send(
            http,
            request("/ok"),
            Duration.ofSeconds(5),
            HttpResponse.BodyHandlers.ofByteArray(),
            abandoned::incrementAndGet);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"success\":true}");
    assertThat(abandoned).hasValue(0);
  }

  /**
   * Callers name an unreachable server by the exception's type (the what-if's "is unreachable").
   */
  @Test
  void anUnreachableServerFailsAsTheBlockingCallWould() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    HttpRequest toNowhere =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/")).build();
    assertThatThrownBy(
            () ->
                BoundedExchange.send(
                    http,
                    toNowhere,
                    Duration.ofSeconds(5),
                    HttpResponse.BodyHandlers.ofString(),
                    () -> {}))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aBodyPastTheBoundIsRefused() {
    assertThatThrownBy(
            () -> BoundedExchange.send(http, request("/large"), Duration.ofSeconds(5), 1000))
        .isInstanceOf(BoundedExchange.BodyTooLargeException.class)
        .hasMessageContaining("1000 bytes");
  }
}
