package io.scalableapp.operator.it;

import com.sun.net.httpserver.HttpServer;
import io.scalableapp.testsupport.PrometheusServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small origin app for the edge to cache: every response body names the path and how many times
 * the origin served it ("/static/a.css #3"), so a test sees whether a response came from the origin
 * or the cache. Responses under /tagged/ carry a Cache-Tag header naming the path's last segment;
 * /healthz answers the edge's probe.
 */
final class TestOrigin implements AutoCloseable {
  private final Map<String, AtomicLong> served = new ConcurrentHashMap<>();
  private final int port;
  private HttpServer server;

  TestOrigin() throws IOException {
    this.port = PrometheusServer.freePort();
    start();
  }

  int port() {
    return port;
  }

  /** How many times the origin served {@code path} (health probes not counted). */
  long served(String path) {
    return served.getOrDefault(path, new AtomicLong()).get();
  }

  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          byte[] body;
          if (path.equals("/healthz")) {
            body = "ok".getBytes(StandardCharsets.UTF_8);
          } else {
            long n = served.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
            body = (path + " #" + n).getBytes(StandardCharsets.UTF_8);
            if (path.startsWith("/tagged/")) {
              exchange
                  .getResponseHeaders()
                  .add("Cache-Tag", "page, " + path.substring(path.lastIndexOf('/') + 1));
            }
          }
          exchange.getResponseHeaders().add("Content-Type", "text/plain");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** The origin goes down: connections are refused until {@link #start()}. */
  void stop() {
    server.stop(0);
  }

  @Override
  public void close() {
    stop();
  }
}
