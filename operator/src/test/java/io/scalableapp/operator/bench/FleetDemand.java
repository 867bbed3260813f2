package io.scalableapp.operator.bench;

import com.sun.net.httpserver.HttpServer;
import io.scalableapp.testsupport.PrometheusServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One demand series per predicted app of the fleet, {@code fleet_demand{app="<name>"}}: a flat
 * history backfilled into Prometheus, then served live by an exporter Prometheus scrapes, where the
 * benchmark can step an app's demand and see when its floor follows.
 */
final class FleetDemand implements AutoCloseable {
  static final String METRIC = "fleet_demand";
  private final Map<String, Double> demand = new ConcurrentHashMap<>();

  /** When each app's current value was first served, i.e. the demand sample a floor must follow. */
  private final Map<String, Instant> changedAt = new ConcurrentHashMap<>();

  private final HttpServer exporter;

  FleetDemand() throws IOException {
    exporter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    exporter.createContext(
        "/metrics",
        exchange -> {
          StringBuilder b = new StringBuilder("# TYPE ").append(METRIC).append(" gauge\n");
          demand.forEach(
              (app, value) ->
                  b.append(METRIC)
                      .append("{app=\"")
                      .append(app)
                      .append("\"} ")
                      .append(value)
                      .append('\n'));
          byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    exporter.start();
  }

  int port() {
    return exporter.getAddress().getPort();
  }

  static String query(String app) {
    return METRIC + "{app=\"" + app + "\"}";
  }

  void set(String app, double value) {
    demand.put(app, value);
    changedAt.put(app, Instant.now());
  }

  Instant changedAt(String app) {
    return changedAt.get(app);
  }

  /**
   * OpenMetrics for `promtool tsdb create-blocks-from`: every app's current value over {@code
   * history}, per minute.
   */
  String backfill(Instant now, Duration history) {
    String labels = ",job=\"" + PrometheusServer.JOB + "\",instance=\"127.0.0.1:" + port() + "\"}";
    StringBuilder b = new StringBuilder("# TYPE ").append(METRIC).append(" gauge\n");
    demand.forEach(
        (app, value) -> {
          for (Instant t = now.minus(history); t.isBefore(now); t = t.plus(Duration.ofMinutes(1))) {
            b.append(METRIC)
                .append("{app=\"")
                .append(app)
                .append('"')
                .append(labels)
                .append(' ')
                .append(value)
                .append(' ')
                .append(t.getEpochSecond())
                .append('\n');
          }
        });
    return b.append("# EOF\n").toString();
  }

  @Override
  public void close() {
    exporter.stop(0);
  }
}
