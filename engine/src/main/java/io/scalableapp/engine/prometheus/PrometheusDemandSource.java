package io.scalableapp.engine.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.series.Series;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * One Prometheus range query per fetch ({@code GET /api/v1/query_range}, as documented at
 * prometheus.io/docs/prometheus/latest/querying/api), for the operator and the lab's what-if alike. Prometheus refuses more than 11,000 points per query; longer
 * histories go through {@link ChunkedRangeQuery}.
 */
public final class PrometheusDemandSource implements DemandSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final URI baseUrl;
  private final String query;
  private final QueryListener counters;

  public PrometheusDemandSource(HttpClient http, URI baseUrl, String query, QueryListener counters) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.query = query;
    this.counters = counters;
  }

  @Override
  public Series fetch(Instant from, Instant to, Duration step) throws IOException, InterruptedException {
    URI uri = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/api/v1/query_range"
        + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
        + "&start=" + from.getEpochSecond()
        + "&end=" + to.getEpochSecond()
        + "&step=" + step.getSeconds());
    counters.querySent();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("Prometheus answered HTTP " + response.statusCode() + ": " + errorOf(response.body()));
    }
    JsonNode body = JSON.readTree(response.body());
    Series series = toSeries(body, from, step, points(from, to, step));
    counters.samplesFetched(body.path("data").path("result").path(0).path("values").size());
    return series;
  }

  /** Points of a range query from {@code from} to {@code to}, both included, as Prometheus counts them. */
  public static int points(Instant from, Instant to, Duration step) {
    return to.isBefore(from) ? 0 : (int) (Duration.between(from, to).dividedBy(step) + 1);
  }

  /** Places each sample at its step; steps Prometheus returned nothing for stay NaN (missing, not zero). */
  public static Series toSeries(JsonNode body, Instant from, Duration step, int points) throws IOException {
    JsonNode result = body.path("data").path("result");
    if (result.size() > 1) {
      throw new IOException("the query returned " + result.size() + " series; aggregate it to one, e.g. with sum()");
    }
    double[] values = new double[points];
    Arrays.fill(values, Double.NaN);
    if (result.size() == 1) {
      long stepSeconds = step.getSeconds();
      for (JsonNode sample : result.get(0).path("values")) {
        long offset = Math.round((sample.get(0).asDouble() - from.getEpochSecond()) / stepSeconds);
        if (offset >= 0 && offset < points) {
          values[(int) offset] = parse(sample.get(1).asText());
        }
      }
    }
    return Series.of(from, step, values);
  }

  private static double parse(String value) {
    return switch (value) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
  }

  private static String errorOf(String body) {
    try {
      return JSON.readTree(body).path("error").asText(body);
    } catch (IOException e) {
      return body.length() > 200 ? body.substring(0, 200) : body;
    }
  }
}
