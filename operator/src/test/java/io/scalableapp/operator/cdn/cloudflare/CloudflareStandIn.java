package io.scalableapp.operator.cdn.cloudflare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server standing in for the three Cloudflare API v4 endpoints the provider calls,
 * answering as Cloudflare documents them: the zone's {@code http_request_cache_settings} phase
 * entry point ruleset (GET, and PUT which replaces its rules and creates a new version) and {@code
 * POST /zones/{zone_id}/purge_cache}. Requests need {@code Authorization: Bearer <token>}; every
 * answer is the {@code {success, errors, messages, result}} envelope. Requests Cloudflare would
 * refuse (bad JSON, an action other than {@code set_cache_settings}, a missing expression, an
 * unknown rule id, a purge naming nothing...) get a 400 with the error in the envelope, so a client
 * bug fails the test instead of passing against a lenient fake. Expressions are parsed with {@link
 * RulesExpression}, and {@link #settingsFor} answers what the zone's rules do to a request.
 *
 * <p>Tests can make it answer the next requests with a documented failure (403 authentication
 * error, 429 rate limited with {@code Retry-After}), stop listening (the provider unreachable),
 * edit the ruleset as someone else would (drift, foreign rules), and read back every request it
 * answered (to count purges).
 */
public final class CloudflareStandIn implements AutoCloseable {
  /**
   * The path prefix of API v4 on api.cloudflare.com; the provider is pointed at {@link #baseUrl()}.
   */
  static final String API_PREFIX = "/client/v4";

  static final String PHASE = "http_request_cache_settings";

  /**
   * A request as received, with whether it carried the expected token (the token itself is not
   * kept) and the HTTP status it was answered with.
   */
  public record Request(
      Instant at, String method, String path, boolean authorized, JsonNode body, int status) {}

  /** A documented Cloudflare failure the stand-in can be told to answer with. */
  public enum Failure {
    /** 403, code 10000 "Authentication error": a token that is invalid or lacks the permission. */
    AUTHENTICATION_ERROR,
    /** 429, code 971, with a Retry-After header: the API's rate limit was hit. */
    RATE_LIMITED,
    /** 500, code 10002: an error on Cloudflare's side. */
    INTERNAL_ERROR,
    /**
     * 500 whose error message is hostile: line breaks, terminal escapes, a bidi override, 20,000
     * characters.
     */
    HOSTILE_ERROR_MESSAGE,
    /**
     * 200 and its headers at once, then the body one byte a second (a broken proxy, a slow-loris
     * answer).
     */
    TRICKLE
  }

  /** The message of {@link Failure#HOSTILE_ERROR_MESSAGE}. */
  public static final String HOSTILE_MESSAGE =
      "upstream failed\r\n2026-12-07 INFO forged line\u001b[2J\u202e" + "x".repeat(20_000);

  private static final Pattern ENTRYPOINT =
      Pattern.compile(API_PREFIX + "/zones/([^/]+)/rulesets/phases/([^/]+)/entrypoint");
  private static final Pattern PURGE = Pattern.compile(API_PREFIX + "/zones/([^/]+)/purge_cache");
  private static final Pattern ZONE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Set<String> EDGE_TTL_MODES =
      Set.of("respect_origin", "override_origin", "bypass_by_default");

  /**
   * The action parameters Cloudflare documents for set_cache_settings; anything else is refused.
   */
  private static final Set<String> CACHE_SETTINGS =
      Set.of(
          "cache",
          "edge_ttl",
          "browser_ttl",
          "serve_stale",
          "cache_key",
          "cache_reserve",
          "respect_strong_etags",
          "origin_error_page_passthru",
          "origin_cache_control",
          "read_timeout",
          "additional_cacheable_ports",
          "origin_range_requests",
          "vary",
          "strip_etags",
          "strip_last_modified",
          "strip_set_cookie");

  private static final Set<String> RULE_FIELDS =
      Set.of(
          "id",
          "ref",
          "version",
          "description",
          "expression",
          "action",
          "action_parameters",
          "enabled",
          "last_updated",
          "logging",
          "categories");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String token;
  private final int port;
  private final Map<String, ObjectNode> entrypoints = new HashMap<>();
  private final List<Request> requests = new ArrayList<>();
  private final List<Failure> nextFailures = new ArrayList<>();
  private Failure failingUntilRecovered;
  private int retryAfterSeconds = 1;
  private HttpServer server;

  /** Listens on a free port of 127.0.0.1 and accepts only {@code token}. */
  public CloudflareStandIn(String token) throws IOException {
    this.token = token;
    this.server = listen(0);
    this.port = server.getAddress().getPort();
  }

  /** What {@code apiBaseUrl} is set to, as https://api.cloudflare.com/client/v4 in production. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port + API_PREFIX);
  }

  /** Answers the next {@code count} requests with {@code failure}, whatever they ask. */
  public synchronized void failNext(int count, Failure failure) {
    for (int i = 0; i < count; i++) {
      nextFailures.add(failure);
    }
  }

  /** Answers every request with {@code failure} until {@link #recover()}. */
  public synchronized void failAll(Failure failure) {
    failingUntilRecovered = failure;
  }

  /** Stops answering with failures: the ones queued by {@link #failNext} and {@link #failAll}. */
  public synchronized void recover() {
    failingUntilRecovered = null;
    nextFailures.clear();
  }

  /** The Retry-After, in seconds, of the 429 answers. */
  public synchronized void retryAfterSeconds(int seconds) {
    retryAfterSeconds = seconds;
  }

  /** Stops listening: connections are refused until {@link #comeBack()}. */
  public synchronized void goAway() {
    server.stop(0);
  }

  /** Listens again on the same port, with the zones as they were. */
  public synchronized void comeBack() throws IOException {
    server = listen(port);
  }

  /** Every request answered so far, in order. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /**
   * The purge_cache bodies received for {@code zoneId} and answered with success: the purges that
   * happened.
   */
  public synchronized List<JsonNode> purges(String zoneId) {
    return requests.stream()
        .filter(
            r ->
                r.status() == 200
                    && r.method().equals("POST")
                    && r.path().equals(API_PREFIX + "/zones/" + zoneId + "/purge_cache"))
        .map(Request::body)
        .toList();
  }

  /**
   * The rules of the zone's cache settings entry point ruleset, as GET returns them; empty when
   * none exists.
   */
  public synchronized List<ObjectNode> rules(String zoneId) {
    ObjectNode ruleset = entrypoints.get(zoneId);
    if (ruleset == null) {
      return new ArrayList<>();
    }
    List<ObjectNode> rules = new ArrayList<>();
    ruleset.get("rules").forEach(r -> rules.add((ObjectNode) r.deepCopy()));
    return rules;
  }

  /**
   * The cache settings Cloudflare would apply to {@code request}: every enabled rule whose
   * expression matches, in order, each overriding the settings the earlier ones set. Empty when no
   * rule matches.
   */
  public synchronized ObjectNode settingsFor(String zoneId, RulesExpression.HttpRequest request) {
    ObjectNode settings = JsonNodeFactory.instance.objectNode();
    for (ObjectNode rule : rules(zoneId)) {
      if (rule.path("enabled").asBoolean(true)
          && RulesExpression.matches(rule.get("expression").asText(), request)) {
        settings.setAll((ObjectNode) rule.get("action_parameters"));
      }
    }
    return settings;
  }

  /** The entry point ruleset's version; empty when none exists. */
  public synchronized Optional<String> version(String zoneId) {
    return Optional.ofNullable(entrypoints.get(zoneId)).map(r -> r.get("version").asText());
  }

  /**
   * Changes the zone's rules as someone using the dashboard or another tool would: {@code edit}
   * gets the rules (a mutable copy) and the result becomes a new version of the ruleset, with ids
   * given to new rules.
   */
  public synchronized void editOutside(String zoneId, Consumer<List<ObjectNode>> edit) {
    List<ObjectNode> rules = rules(zoneId);
    edit.accept(rules);
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    rules.forEach(array::add);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("rules", array);
    Optional<String> invalid = validRuleset(zoneId, body);
    if (invalid.isPresent()) {
      throw new IllegalArgumentException(invalid.get());
    }
    store(zoneId, body);
  }

  @Override
  public synchronized void close() {
    server.stop(0);
  }

  /**
   * The body's first byte at once, then one a second, until the body is done or the client has
   * gone.
   */
  private static void trickle(HttpExchange exchange, byte[] bytes) throws IOException {
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      for (byte b : bytes) {
        out.write(b);
        out.flush();
        Thread.sleep(1000);
      }
    } catch (IOException | InterruptedException clientGone) {
      // the caller gave up, as it should
    }
  }

  private HttpServer listen(int onPort) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
    // A thread per exchange: a trickling answer must not hold up the others.
    http.setExecutor(
        java.util.concurrent.Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "cloudflare-stand-in");
              t.setDaemon(true);
              return t;
            }));
    http.createContext(API_PREFIX + "/", this::answer);
    http.start();
    return http;
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      boolean authorized = ("Bearer " + token).equals(authorization);
      byte[] raw = exchange.getRequestBody().readAllBytes();
      JsonNode body = null;
      boolean badJson = false;
      if (raw.length > 0) {
        try {
          body = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
          badJson = true;
        }
      }
      Response response;
      synchronized (this) {
        response =
            respond(
                method,
                path,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                authorization,
                authorized,
                body,
                badJson);
        requests.add(new Request(Instant.now(), method, path, authorized, body, response.status()));
      }
      response.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = JSON.writeValueAsBytes(response.envelope);
      if (response.trickle()) {
        trickle(exchange, bytes);
        return;
      }
      exchange.sendResponseHeaders(response.status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private record Response(
      int status, ObjectNode envelope, Map<String, String> headers, boolean trickle) {
    Response(int status, ObjectNode envelope, Map<String, String> headers) {
      this(status, envelope, headers, false);
    }
  }

  private Response respond(
      String method,
      String path,
      String contentType,
      String authorization,
      boolean authorized,
      JsonNode body,
      boolean badJson) {
    Failure failure =
        failingUntilRecovered != null
            ? failingUntilRecovered
            : nextFailures.isEmpty() ? null : nextFailures.remove(0);
    if (failure != null) {
      return switch (failure) {
        case AUTHENTICATION_ERROR -> failure(403, 10000, "Authentication error");
        case RATE_LIMITED ->
            new Response(
                429,
                envelope(
                    false,
                    error(971, "Please wait and consider throttling your request speed"),
                    null),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
        case INTERNAL_ERROR -> failure(500, 10002, "Internal server error");
        case HOSTILE_ERROR_MESSAGE -> failure(500, 10002, HOSTILE_MESSAGE);
        case TRICKLE ->
            new Response(
                200, envelope(true, null, JsonNodeFactory.instance.objectNode()), Map.of(), true);
      };
    }
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return failure(400, 6003, "Invalid request headers");
    }
    if (!authorized) {
      return failure(403, 10000, "Authentication error");
    }
    Matcher entrypoint = ENTRYPOINT.matcher(path);
    Matcher purge = PURGE.matcher(path);
    String zoneId =
        entrypoint.matches() ? entrypoint.group(1) : purge.matches() ? purge.group(1) : null;
    if (zoneId == null) {
      return failure(
          404, 7003, "Could not route to " + path + ", perhaps your object identifier is invalid?");
    }
    if (!ZONE_ID.matcher(zoneId).matches()) {
      return failure(
          400, 7003, "Could not route to " + path + ", perhaps your object identifier is invalid?");
    }
    if (entrypoint.matches() && !entrypoint.group(2).equals(PHASE)) {
      return failure(400, 10000, "this stand-in only serves the " + PHASE + " phase");
    }
    boolean hasBody = method.equals("PUT") || method.equals("POST");
    if (hasBody && (contentType == null || !contentType.startsWith("application/json"))) {
      return failure(400, 10000, "Content-Type must be application/json");
    }
    if (hasBody && (badJson || body == null || !body.isObject())) {
      return failure(400, 10026, "failed to parse request body: the body must be a JSON object");
    }
    if (entrypoint.matches() && method.equals("GET")) {
      ObjectNode ruleset = entrypoints.get(zoneId);
      return ruleset == null
          ? failure(404, 10003, "could not find entrypoint ruleset in the " + PHASE + " phase")
          : success(ruleset.deepCopy());
    }
    if (entrypoint.matches() && method.equals("PUT")) {
      Optional<String> invalid = validRuleset(zoneId, body);
      return invalid
          .map(m -> failure(400, 20021, m))
          .orElseGet(() -> success(store(zoneId, body).deepCopy()));
    }
    if (purge.matches() && method.equals("POST")) {
      Optional<String> invalid = validPurge(body);
      if (invalid.isPresent()) {
        return failure(400, 1012, invalid.get());
      }
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      result.put("id", zoneId);
      return success(result);
    }
    return failure(405, 10000, "method " + method + " not allowed on " + path);
  }

  /** Why Cloudflare would refuse this ruleset update, or empty when it is valid. */
  private Optional<String> validRuleset(String zoneId, JsonNode body) {
    for (var names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Set.of("description", "name", "rules").contains(name)) {
        return Optional.of(name + ": not accepted when updating an entry point ruleset");
      }
    }
    JsonNode rules = body.get("rules");
    if (rules == null || !rules.isArray()) {
      return Optional.of("rules: must be an array of rules");
    }
    Set<String> knownIds = new HashSet<>();
    Optional.ofNullable(entrypoints.get(zoneId))
        .ifPresent(r -> r.get("rules").forEach(rule -> knownIds.add(rule.get("id").asText())));
    Set<String> refs = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      String at = "rules[" + i + "]";
      if (!rule.isObject()) {
        return Optional.of(at + ": must be an object");
      }
      for (var names = rule.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!RULE_FIELDS.contains(name)) {
          return Optional.of(at + "." + name + ": unknown field");
        }
      }
      if (rule.has("id") && !knownIds.contains(rule.get("id").asText())) {
        return Optional.of(
            at + ".id: could not find rule " + rule.get("id").asText() + " in the ruleset");
      }
      if (rule.has("ref") && !refs.add(rule.get("ref").asText())) {
        return Optional.of(at + ".ref: duplicate rule ref " + rule.get("ref").asText());
      }
      if (!rule.path("action").asText().equals("set_cache_settings")) {
        return Optional.of(
            at
                + ".action: '"
                + rule.path("action").asText()
                + "' is not allowed in the "
                + PHASE
                + " phase, only set_cache_settings");
      }
      if (!rule.path("expression").isTextual() || rule.get("expression").asText().isBlank()) {
        return Optional.of(at + ".expression: is required");
      }
      try {
        RulesExpression.parse(rule.get("expression").asText());
      } catch (IllegalArgumentException e) {
        return Optional.of(at + ".expression: filter parsing error: " + e.getMessage());
      }
      if (rule.has("enabled") && !rule.get("enabled").isBoolean()) {
        return Optional.of(at + ".enabled: must be a boolean");
      }
      if (rule.has("description") && !rule.get("description").isTextual()) {
        return Optional.of(at + ".description: must be a string");
      }
      Optional<String> badParameters =
          validCacheSettings(rule.get("action_parameters"), at + ".action_parameters");
      if (badParameters.isPresent()) {
        return badParameters;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> validCacheSettings(JsonNode parameters, String at) {
    if (parameters == null || !parameters.isObject() || parameters.isEmpty()) {
      return Optional.of(at + ": set_cache_settings needs at least one setting");
    }
    for (var names = parameters.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!CACHE_SETTINGS.contains(name)) {
        return Optional.of(at + "." + name + ": unknown cache setting");
      }
    }
    if (parameters.has("cache") && !parameters.get("cache").isBoolean()) {
      return Optional.of(at + ".cache: must be a boolean");
    }
    for (String ttl : List.of("edge_ttl", "browser_ttl")) {
      JsonNode setting = parameters.get(ttl);
      if (setting == null) {
        continue;
      }
      String mode = setting.path("mode").asText();
      if (!EDGE_TTL_MODES.contains(mode)) {
        return Optional.of(at + "." + ttl + ".mode: must be one of " + EDGE_TTL_MODES);
      }
      if (mode.equals("override_origin")
          && (!setting.path("default").canConvertToInt() || setting.get("default").asInt() < 0)) {
        return Optional.of(at + "." + ttl + ".default: override_origin needs a TTL in seconds");
      }
    }
    JsonNode serveStale = parameters.get("serve_stale");
    if (serveStale != null && !serveStale.path("disable_stale_while_updating").isBoolean()) {
      return Optional.of(at + ".serve_stale.disable_stale_while_updating: must be a boolean");
    }
    return Optional.empty();
  }

  /**
   * Why Cloudflare would refuse this purge, or empty when it is valid: exactly one kind of purge
   * per request.
   */
  private static Optional<String> validPurge(JsonNode body) {
    if (body == null || !body.isObject()) {
      return Optional.of("the body must be a JSON object");
    }
    List<String> kinds = new ArrayList<>();
    body.fieldNames().forEachRemaining(kinds::add);
    if (kinds.size() != 1) {
      return Optional.of(
          "exactly one of purge_everything, files, tags, hosts or prefixes is expected, got "
              + kinds);
    }
    String kind = kinds.get(0);
    JsonNode value = body.get(kind);
    if (kind.equals("purge_everything")) {
      return value.isBoolean() && value.asBoolean()
          ? Optional.empty()
          : Optional.of("purge_everything must be true");
    }
    if (!Set.of("files", "tags", "hosts", "prefixes").contains(kind)) {
      return Optional.of("unknown purge field " + kind);
    }
    if (!value.isArray() || value.isEmpty() || value.size() > 100) {
      return Optional.of(kind + " must be a list of 1 to 100 values");
    }
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().isBlank()) {
        return Optional.of(kind + " must contain non-empty strings");
      }
      if (kind.equals("prefixes") && item.asText().contains("://")) {
        return Optional.of(
            "prefixes are written without a scheme (host/path), got " + item.asText());
      }
    }
    return Optional.empty();
  }

  /** Stores the rules of {@code body} as a new version of the zone's entry point ruleset. */
  private ObjectNode store(String zoneId, JsonNode body) {
    ObjectNode previous = entrypoints.get(zoneId);
    Map<String, JsonNode> previousRules = new HashMap<>();
    if (previous != null) {
      previous.get("rules").forEach(r -> previousRules.put(r.get("id").asText(), r));
    }
    String now = Instant.now().toString();
    int version = previous == null ? 1 : previous.get("version").asInt() + 1;
    ObjectNode ruleset = JsonNodeFactory.instance.objectNode();
    ruleset.put("id", previous == null ? randomId() : previous.get("id").asText());
    ruleset.put("name", "default");
    ruleset.put(
        "description",
        body.path("description")
            .asText(previous == null ? "" : previous.path("description").asText()));
    ruleset.put("kind", "zone");
    ruleset.put("version", Integer.toString(version));
    ruleset.put("last_updated", now);
    ruleset.put("phase", PHASE);
    ArrayNode rules = ruleset.putArray("rules");
    for (JsonNode requested : body.get("rules")) {
      ObjectNode rule = ((ObjectNode) requested).deepCopy();
      rule.remove(List.of("version", "last_updated"));
      JsonNode before = rule.has("id") ? previousRules.get(rule.get("id").asText()) : null;
      String id = before == null ? randomId() : before.get("id").asText();
      rule.put("id", id);
      if (!rule.has("ref")) {
        rule.put("ref", id);
      }
      if (!rule.has("enabled")) {
        rule.put("enabled", true);
      }
      boolean unchanged =
          before != null && withoutBookkeeping(before).equals(withoutBookkeeping(rule));
      rule.put(
          "version",
          unchanged
              ? before.get("version").asText()
              : before == null ? "1" : Integer.toString(before.get("version").asInt() + 1));
      rule.put("last_updated", unchanged ? before.get("last_updated").asText() : now);
      rules.add(rule);
    }
    entrypoints.put(zoneId, ruleset);
    return ruleset;
  }

  private static JsonNode withoutBookkeeping(JsonNode rule) {
    ObjectNode copy = ((ObjectNode) rule).deepCopy();
    copy.remove(List.of("version", "last_updated"));
    return copy;
  }

  private static String randomId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Response success(JsonNode result) {
    return new Response(200, envelope(true, null, result), Map.of());
  }

  private static Response failure(int status, int code, String message) {
    return new Response(status, envelope(false, error(code, message), null), Map.of());
  }

  private static ObjectNode error(int code, String message) {
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put("code", code);
    error.put("message", message);
    return error;
  }

  private static ObjectNode envelope(boolean success, ObjectNode error, JsonNode result) {
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.put("success", success);
    ArrayNode errors = envelope.putArray("errors");
    if (error != null) {
      errors.add(error);
    }
    envelope.putArray("messages");
    envelope.set("result", result == null ? JsonNodeFactory.instance.nullNode() : result);
    return envelope;
  }
}
