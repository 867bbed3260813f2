package io.scalableapp.operator.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The few calls of Prometheus' HTTP API (v1) that Grafana makes for the dashboard: query,
 * query_range, label values.
 */
public final class PrometheusApi {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ObjectMapper json = new ObjectMapper();

  public PrometheusApi(URI base) {
    this.base = base;
  }

  /**
   * An answer: Prometheus' error (a query that does not parse says so here), or the result's
   * series.
   */
  public record Answer(String error, List<JsonNode> series) {
    public boolean ok() {
      return error == null;
    }
  }

  /** An instant query at now. */
  public Answer query(String promql) throws IOException, InterruptedException {
    return get("/api/v1/query?query=" + encode(promql));
  }

  public Answer queryRange(String promql, Instant from, Instant to, Duration step)
      throws IOException, InterruptedException {
    return get(
        "/api/v1/query_range?query="
            + encode(promql)
            + "&start="
            + from.getEpochSecond()
            + "&end="
            + to.getEpochSecond()
            + "&step="
            + step.toSeconds());
  }

  /**
   * The values of {@code label} on the series {@code selector} matches, as a label_values()
   * variable lists them.
   */
  public List<String> labelValues(String label, String selector)
      throws IOException, InterruptedException {
    Answer answer = get("/api/v1/label/" + label + "/values?match[]=" + encode(selector));
    if (!answer.ok())
      throw new IOException(
          "label values of " + label + " for " + selector + ": " + answer.error());
    List<String> values = new ArrayList<>();
    answer.series().forEach(v -> values.add(v.asText()));
    return values;
  }

  private Answer get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = json.readTree(response.body());
    if (!"success".equals(body.path("status").asText())) {
      return new Answer(
          body.path("errorType").asText() + ": " + body.path("error").asText(), List.of());
    }
    JsonNode data = body.path("data");
    JsonNode items = data.has("result") ? data.path("result") : data;
    List<JsonNode> series = new ArrayList<>();
    items.forEach(series::add);
    return new Answer(null, series);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
