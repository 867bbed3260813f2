package io.scalableapp.operator.cdn.cloudflare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scalableapp.engine.http.BoundedExchange;
import io.scalableapp.engine.text.UntrustedText;
import io.scalableapp.operator.cdn.CdnProviderException;
import io.scalableapp.operator.cdn.CdnTarget.CloudflareAccess;
import io.scalableapp.operator.cdn.ConfigHash;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three Cloudflare API v4 calls the provider makes, over java.net.http: read and replace the
 * zone's {@code http_request_cache_settings} phase entry point ruleset, and purge the zone's cache.
 * Decodes the {@code {success, errors, messages, result}} envelope and turns every failure into a
 * {@link CdnProviderException} whose reason is a condition reason and whose message never contains
 * the API token.
 */
final class CloudflareApi {
  static final String CACHE_PHASE = "http_request_cache_settings";
  private static final Logger LOG = LoggerFactory.getLogger(CloudflareApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A cache settings ruleset holds at most a few hundred rules; a body past this is not
   * Cloudflare's.
   */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  /**
   * The error code of "could not find entrypoint ruleset in the ... phase": the zone has no rules
   * yet.
   */
  private static final int ENTRYPOINT_NOT_FOUND = 10003;

  /** The zone's entry point ruleset for the cache settings phase, as Cloudflare returns it. */
  record Ruleset(String id, String version, List<ObjectNode> rules) {}

  private final HttpClient http;
  private final Duration deadline;
  private final RequestBudget budget;

  /** {@code deadline} bounds each whole exchange: connecting, the headers and the body. */
  CloudflareApi(HttpClient http, Duration deadline, RequestBudget budget) {
    this.http = http;
    this.deadline = deadline;
    this.budget = budget;
  }

  static CloudflareApi withDefaultClient(Duration deadline) {
    Duration connect =
        deadline.compareTo(Duration.ofSeconds(5)) < 0 ? deadline : Duration.ofSeconds(5);
    return new CloudflareApi(
        HttpClient.newBuilder().connectTimeout(connect).build(),
        deadline,
        new RequestBudget(RequestBudget.DEFAULT_REQUESTS, java.time.Clock.systemUTC()));
  }

  /** GET the entry point ruleset; empty when the zone has none yet (Cloudflare answers 404). */
  Optional<Ruleset> cacheRuleset(CloudflareAccess zone) {
    Answer answer = send(zone, "GET", entrypointPath(zone), null);
    if (answer.status() == 404 && hasError(answer.envelope(), ENTRYPOINT_NOT_FOUND)) {
      return Optional.empty();
    }
    return Optional.of(ruleset(zone, answer));
  }

  /** PUT the entry point ruleset's rules (all of them: Cloudflare removes the rules left out). */
  Ruleset replaceCacheRules(CloudflareAccess zone, List<ObjectNode> rules) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode array = body.putArray("rules");
    rules.forEach(array::add);
    return ruleset(zone, send(zone, "PUT", entrypointPath(zone), body));
  }

  /**
   * POST purge_cache with {@code body} ({@code purge_everything}, {@code prefixes} or {@code
   * tags}); returns the id Cloudflare answers with.
   */
  String purge(CloudflareAccess zone, ObjectNode body) {
    Answer answer = send(zone, "POST", "/zones/" + zone.zoneId() + "/purge_cache", body);
    return expectSuccess(zone, answer).path("id").asText("");
  }

  private static String entrypointPath(CloudflareAccess zone) {
    return "/zones/" + zone.zoneId() + "/rulesets/phases/" + CACHE_PHASE + "/entrypoint";
  }

  private Ruleset ruleset(CloudflareAccess zone, Answer answer) {
    JsonNode result = expectSuccess(zone, answer);
    List<ObjectNode> rules = new ArrayList<>();
    for (JsonNode rule : result.path("rules")) {
      if (rule instanceof ObjectNode object) {
        rules.add(object);
      }
    }
    return new Ruleset(result.path("id").asText(), result.path("version").asText(), rules);
  }

  private record Answer(
      String method, String path, int status, JsonNode envelope, Optional<String> retryAfter) {}

  private Answer send(CloudflareAccess zone, String method, String path, JsonNode body) {
    URI uri = URI.create(zone.apiBaseUrl().toString().replaceAll("/+$", "") + path);
    String token = headerSafeToken(zone);
    budget.take(ConfigHash.of(token));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(deadline)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    HttpResponse<String> response;
    try {
      response = BoundedExchange.send(http, request.build(), deadline, MAX_BODY_BYTES);
    } catch (HttpTimeoutException e) {
      throw new CdnProviderException(
          "ProviderUnreachable",
          "The Cloudflare API at "
              + where(uri)
              + " did not answer "
              + method
              + " "
              + path
              + " in full within "
              + deadline.toSeconds()
              + "s",
          Optional.empty());
    } catch (BoundedExchange.BodyTooLargeException e) {
      throw new CdnProviderException(
          "ProviderError",
          "The Cloudflare API at "
              + where(uri)
              + " answered "
              + method
              + " "
              + path
              + " with a body over "
              + MAX_BODY_BYTES / (1024 * 1024)
              + " MiB, which is not Cloudflare's",
          Optional.empty());
    } catch (IOException e) {
      throw new CdnProviderException(
          "ProviderUnreachable",
          redact(
              zone,
              "The Cloudflare API at "
                  + where(uri)
                  + " did not answer "
                  + method
                  + " "
                  + path
                  + ": "
                  + describe(e)),
          Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CdnProviderException(
          "ProviderUnreachable",
          "Interrupted while calling the Cloudflare API at " + where(uri),
          Optional.empty());
    }
    LOG.debug("Cloudflare {} {} answered {}", method, path, response.statusCode());
    JsonNode envelope;
    try {
      envelope = JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      envelope = null;
    }
    Answer answer =
        new Answer(
            method,
            path,
            response.statusCode(),
            envelope,
            response.headers().firstValue("Retry-After"));
    if (envelope == null || !envelope.isObject()) {
      throw new CdnProviderException(
          response.statusCode() >= 500 ? "ProviderError" : "ProviderRejected",
          redact(
              zone,
              "The Cloudflare API answered "
                  + method
                  + " "
                  + path
                  + " with HTTP "
                  + response.statusCode()
                  + " and a body that is not Cloudflare's JSON envelope"),
          Optional.empty());
    }
    return answer;
  }

  /**
   * The envelope's result when the call succeeded; the failure as a {@link CdnProviderException}
   * otherwise.
   */
  private static JsonNode expectSuccess(CloudflareAccess zone, Answer answer) {
    int status = answer.status();
    boolean success = answer.envelope().path("success").asBoolean(false);
    if (status / 100 == 2 && success) {
      return answer.envelope().path("result");
    }
    String call = answer.method() + " " + answer.path();
    String errors = errors(answer.envelope());
    if (status == 401 || status == 403) {
      throw new CdnProviderException(
          "AuthenticationFailed",
          redact(
              zone,
              "Cloudflare refused the API token on "
                  + call
                  + " (HTTP "
                  + status
                  + ": "
                  + errors
                  + "); the token needs the Cache Rules Edit and Cache Purge"
                  + " permissions on the zone"),
          Optional.empty());
    }
    if (status == 429) {
      Optional<Duration> retryAfter = answer.retryAfter().flatMap(CloudflareApi::retryAfter);
      throw new CdnProviderException(
          "RateLimited",
          redact(
              zone,
              "Cloudflare rate-limited "
                  + call
                  + " (HTTP 429: "
                  + errors
                  + ")"
                  + retryAfter.map(d -> "; retrying after " + d.toSeconds() + "s").orElse("")),
          retryAfter);
    }
    if (status >= 500) {
      throw new CdnProviderException(
          "ProviderError",
          redact(zone, "Cloudflare failed on " + call + " (HTTP " + status + ": " + errors + ")"),
          Optional.empty());
    }
    throw new CdnProviderException(
        "ProviderRejected",
        redact(zone, "Cloudflare rejected " + call + " (HTTP " + status + ": " + errors + ")"),
        Optional.empty());
  }

  private static boolean hasError(JsonNode envelope, int code) {
    for (JsonNode error : envelope.path("errors")) {
      if (error.path("code").asInt() == code) {
        return true;
      }
    }
    return false;
  }

  /**
   * Cloudflare's errors as "code message; code message", or "no error given": one line, without
   * control characters and bounded, as it goes into status, an Event and the log.
   */
  private static String errors(JsonNode envelope) {
    StringJoiner joined = new StringJoiner("; ");
    for (JsonNode error : envelope.path("errors")) {
      joined.add(error.path("code").asText("?") + " " + error.path("message").asText(""));
    }
    return joined.length() == 0 ? "no error given" : UntrustedText.excerpt(joined.toString());
  }

  /**
   * The token without the surrounding whitespace a Secret made from a file often carries; refused,
   * without quoting it, when it holds characters no HTTP header can carry (java.net.http would
   * quote it in its error).
   */
  private static String headerSafeToken(CloudflareAccess zone) {
    String token = zone.apiToken() == null ? "" : zone.apiToken().strip();
    if (token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new CdnProviderException(
          "InvalidCredentials",
          "The Cloudflare API token is empty or contains characters"
              + " an HTTP header cannot carry (spaces, line breaks or non-ASCII inside it)",
          Optional.empty());
    }
    return token;
  }

  /**
   * {@code text} without the zone's API token, should any part of it (a server's message) have
   * echoed it.
   */
  static String redact(CloudflareAccess zone, String text) {
    String token = zone.apiToken() == null ? "" : zone.apiToken().strip();
    return token.isEmpty() ? text : text.replace(token, "<redacted>");
  }

  /** Retry-After as seconds or as an HTTP date (RFC 9110); empty when unreadable. */
  static Optional<Duration> retryAfter(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(Instant.now(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (RuntimeException notADate) {
        return Optional.empty();
      }
    }
  }

  /** Scheme, host and port only: a base URL could carry user info, which stays out of messages. */
  private static String where(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null
        ? kind
        : kind + " (" + UntrustedText.excerpt(e.getMessage(), 200) + ")";
  }
}
