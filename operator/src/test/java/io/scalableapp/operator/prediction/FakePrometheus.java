package io.scalableapp.operator.prediction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scalableapp.engine.prometheus.PrometheusDemandSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Answers range queries over HTTP in Prometheus's JSON format, from samples the test stores, and
 * refuses more than 11,000 points per query as Prometheus does. Records every query it answers.
 */
final class FakePrometheus implements AutoCloseable {
  record RangeQuery(String query, Instant start, Instant end, Duration step) {
    int points() {
      return PrometheusDemandSource.points(start, end, step);
    }
  }

  private final ConcurrentSkipListMap<Long, Double> samples = new ConcurrentSkipListMap<>();
  private final List<RangeQuery> queries = new ArrayList<>();
  private final HttpServer server;
  private volatile int failWithStatus;

  FakePrometheus() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/query_range", this::answer);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void put(Instant time, double value) {
    samples.put(time.getEpochSecond(), value);
  }

  void remove(Instant time) {
    samples.remove(time.getEpochSecond());
  }

  /** Answers every query with this HTTP status until set back to 0. */
  void failWith(int status) {
    failWithStatus = status;
  }

  synchronized List<RangeQuery> queries() {
    return List.copyOf(queries);
  }

  synchronized void clearQueries() {
    queries.clear();
  }

  private void answer(HttpExchange exchange) throws IOException {
    Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
    Duration step = Duration.ofSeconds(Long.parseLong(params.get("step")));
    RangeQuery q =
        new RangeQuery(
            params.get("query"),
            Instant.ofEpochSecond(Long.parseLong(params.get("start"))),
            Instant.ofEpochSecond(Long.parseLong(params.get("end"))),
            step);
    synchronized (this) {
      queries.add(q);
    }
    if (failWithStatus != 0) {
      send(exchange, failWithStatus, "{\"status\":\"error\",\"error\":\"overloaded\"}");
      return;
    }
    if (Duration.between(q.start(), q.end()).dividedBy(step) > 11_000) {
      send(
          exchange,
          400,
          "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"exceeded maximum "
              + "resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)\"}");
      return;
    }
    StringJoiner values = new StringJoiner(",");
    for (long t = q.start().getEpochSecond();
        t <= q.end().getEpochSecond();
        t += step.getSeconds()) {
      Double v = samples.get(t);
      if (v != null) values.add(String.format(Locale.ROOT, "[%d,\"%s\"]", t, v));
    }
    send(
        exchange,
        200,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
            + (values.length() == 0 ? "" : "{\"metric\":{},\"values\":[" + values + "]}")
            + "]}}");
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    for (String pair : rawQuery.split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return params;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
