package io.scalableapp.operator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scalableapp.operator.api.cdn.CacheRuleSpec;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.api.cdn.PurgeSpec;
import io.scalableapp.operator.cdn.CdnPolicies;
import io.scalableapp.operator.cdn.CdnPolicy;
import io.scalableapp.operator.cdn.varnish.VarnishBanClient;
import io.scalableapp.operator.cdn.varnish.VclBackend;
import io.scalableapp.operator.cdn.varnish.VclGenerator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The VCL generated from spec.cdn, run by a real varnishd in front of a local origin: what the
 * rules say is what the edge does. One varnishd for the class; each test uses its own paths, so
 * cached objects never cross tests.
 */
class VarnishEdgeIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The app's purge token, as the operator derives it and the edge mounts it. */
  private static final String TOKEN = "5eed".repeat(16);

  private static TestOrigin origin;
  private static VarnishServer edge;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    CdnSpec spec = new CdnSpec();
    spec.setProvider(CdnSpec.Provider.varnish);
    spec.getDefaults().setEdgeTtl("1h");
    spec.setStaleIfError("1h");
    spec.getPurge().setMode(PurgeSpec.Mode.prefixes);
    spec.getPurge().setPrefixes(List.of("/static/ban/"));
    spec.setRules(
        List.of(
            rule("api", "/api/", CacheRuleSpec.Action.Bypass, null),
            rule("short", "/short/", CacheRuleSpec.Action.Cache, "2s"),
            rule("stale", "/stale/", CacheRuleSpec.Action.Cache, "1s"),
            withBypass(rule("static", "/static/", CacheRuleSpec.Action.Cache, "1d"))));
    CdnPolicy policy = CdnPolicies.from(spec);
    Path dir = Files.createTempDirectory("varnish-edge-it");
    String vcl =
        VclGenerator.generate(
            policy,
            new VclBackend(
                "127.0.0.1", origin.port(), "/healthz", VarnishServer.purgeTokenFile(dir, TOKEN)));
    edge = VarnishServer.start(vcl, dir);
    awaitOriginHealthyAgain();
  }

  @AfterAll
  static void stop() {
    if (edge != null) edge.close();
    if (origin != null) origin.close();
  }

  @Test
  void aCachedPathIsAHitOnTheSecondRequest() throws Exception {
    var first = get("/static/app.css");
    var second = get("/static/app.css");
    assertEquals("MISS", first.headers().firstValue("X-Cache").orElse(null));
    assertEquals("HIT", second.headers().firstValue("X-Cache").orElse(null));
    assertEquals("/static/app.css #1", second.body(), "the hit is the origin's first response");
    assertEquals(1, origin.served("/static/app.css"));
    assertNotNull(second.headers().firstValue("Age").orElse(null));
    assertEquals(
        "max-age=0",
        second.headers().firstValue("Cache-Control").orElse(null),
        "browsers get defaults.browserTtl, not the edge TTL");
    assertTrue(
        second.headers().firstValue("x-url").isEmpty(),
        "the ban bookkeeping header stays inside the edge");
  }

  @Test
  void aBypassPathIsNeverCached() throws Exception {
    for (int i = 1; i <= 3; i++) {
      var response = get("/api/orders");
      assertEquals("PASS", response.headers().firstValue("X-Cache").orElse(null));
      assertEquals("/api/orders #" + i, response.body());
    }
    assertEquals(3, origin.served("/api/orders"));
  }

  @Test
  void aRequestCarryingTheRulesCookieOrHeaderBypasses() throws Exception {
    get("/static/logo.png");
    var cached = get("/static/logo.png");
    assertEquals("HIT", cached.headers().firstValue("X-Cache").orElse(null));
    var withSession =
        send(request("/static/logo.png").header("Cookie", "theme=dark; sessionid=abc").build());
    var withAuthorization =
        send(request("/static/logo.png").header("Authorization", "Bearer x").build());
    var otherCookie = send(request("/static/logo.png").header("Cookie", "theme=dark").build());
    assertEquals("PASS", withSession.headers().firstValue("X-Cache").orElse(null));
    assertEquals("PASS", withAuthorization.headers().firstValue("X-Cache").orElse(null));
    assertEquals(
        "HIT",
        otherCookie.headers().firstValue("X-Cache").orElse(null),
        "a cookie the rule does not name does not bypass it");
    assertEquals(3, origin.served("/static/logo.png"));
  }

  @Test
  void aShortTtlExpires() throws Exception {
    Instant cachedAt = Instant.now();
    assertEquals("MISS", get("/short/news").headers().firstValue("X-Cache").orElse(null));
    assertEquals("HIT", get("/short/news").headers().firstValue("X-Cache").orElse(null));
    Instant deadline = cachedAt.plusSeconds(15);
    String cache = "HIT";
    while (cache.equals("HIT") && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      cache = get("/short/news").headers().firstValue("X-Cache").orElse("");
    }
    Duration lived = Duration.between(cachedAt, Instant.now());
    assertEquals("MISS", cache, "the object expired");
    assertTrue(lived.compareTo(Duration.ofSeconds(2)) >= 0, "not before its 2s TTL: " + lived);
    System.out.printf(
        "VarnishEdgeIT: 2s TTL object served from cache for %d ms%n", lived.toMillis());
  }

  @Test
  void staleContentIsServedWhileTheOriginIsDown() throws Exception {
    Instant cachedAt = Instant.now();
    assertEquals("/stale/home #1", get("/stale/home").body());
    origin.stop();
    try {
      // Past the 1s TTL only the cache can answer 200; until the health probe finds the origin
      // down, the edge
      // tries it and answers 503.
      Instant deadline = cachedAt.plusSeconds(20);
      HttpResponse<String> response;
      do {
        Thread.sleep(200);
        response = get("/stale/home");
      } while (!(response.statusCode() == 200 && Instant.now().isAfter(cachedAt.plusMillis(1500)))
          && Instant.now().isBefore(deadline));
      assertEquals(200, response.statusCode(), "stale content served while the origin is down");
      assertEquals("/stale/home #1", response.body());
      assertEquals(1, origin.served("/stale/home"));
      System.out.printf(
          "VarnishEdgeIT: stale copy served %d ms after caching, origin down%n",
          Duration.between(cachedAt, Instant.now()).toMillis());
    } finally {
      origin.start();
      awaitOriginHealthyAgain();
    }
  }

  /**
   * The tests need the probe to find the origin up (at start, and again after the stale test
   * stopped it).
   */
  private static void awaitOriginHealthyAgain() throws Exception {
    Instant deadline = Instant.now().plusSeconds(20);
    while (get("/api/health-check").statusCode() != 200) {
      assertTrue(
          Instant.now().isBefore(deadline), "the edge never found the restarted origin healthy");
      Thread.sleep(200);
    }
  }

  @Test
  void theOperatorsBanRemovesWhatSpecCdnPurgeNames() throws Exception {
    get("/static/ban/a.js");
    get("/static/keep/b.js");
    assertEquals("HIT", get("/static/ban/a.js").headers().firstValue("X-Cache").orElse(null));
    assertEquals(
        1, new VarnishBanClient(Duration.ofSeconds(5)).ban(List.of(edge.purgeAddress()), TOKEN));
    assertEquals("MISS", get("/static/ban/a.js").headers().firstValue("X-Cache").orElse(null));
    assertEquals(
        "HIT",
        get("/static/keep/b.js").headers().firstValue("X-Cache").orElse(null),
        "spec.cdn.purge names /static/ban/ only");
  }

  @Test
  void aBanWithoutTheTokenOrOnThePublicListenerIsRefusedAndBansNothing() throws Exception {
    get("/static/guarded/c.js");
    long bans = edge.counter("MAIN.bans_added");
    // What the issue reproduced: a ban expression of the caller's choosing, from an address that is
    // not the
    // operator's. Loopback was in the old ACL; 127.0.0.2 stands for any other address.
    String everything = "obj.status != 0";
    assertEquals(
        403, rawBan("127.0.0.2", edge.purgeAddress().getPort(), null, everything), "no token");
    assertEquals(
        403,
        rawBan("127.0.0.1", edge.purgeAddress().getPort(), "0".repeat(64), everything),
        "wrong token");
    // The edge Service exposes only the public listener: through it even the right token is
    // refused.
    assertEquals(405, rawBan("127.0.0.2", edge.port(), TOKEN, everything), "public listener");
    assertEquals(405, rawBan("127.0.0.1", edge.port(), null, everything), "public listener");
    assertEquals(bans, edge.counter("MAIN.bans_added"), "no refused BAN added a ban");
    assertEquals("HIT", get("/static/guarded/c.js").headers().firstValue("X-Cache").orElse(null));

    // With the token, an expression in the request is ignored: the VCL bans only what
    // spec.cdn.purge says.
    assertEquals(200, rawBan("127.0.0.1", edge.purgeAddress().getPort(), TOKEN, everything));
    assertEquals(
        "HIT",
        get("/static/guarded/c.js").headers().firstValue("X-Cache").orElse(null),
        "outside spec.cdn.purge's prefix, so not banned");
  }

  @Test
  void aTagBanRemovesOnlyTheTaggedResponses() throws Exception {
    CdnSpec spec = new CdnSpec();
    spec.setProvider(CdnSpec.Provider.varnish);
    spec.getDefaults().setEdgeTtl("1h");
    spec.getPurge().setMode(PurgeSpec.Mode.tags);
    spec.getPurge().setTags(List.of("html"));
    Path dir = Files.createTempDirectory("varnish-edge-it-tags");
    try (VarnishServer tagged =
        VarnishServer.start(
            VclGenerator.generate(
                CdnPolicies.from(spec),
                new VclBackend(
                    "127.0.0.1",
                    origin.port(),
                    "/healthz",
                    VarnishServer.purgeTokenFile(dir, TOKEN))),
            dir)) {
      get(tagged, "/tagged/css");
      get(tagged, "/tagged/html");
      assertEquals("HIT", get(tagged, "/tagged/css").headers().firstValue("X-Cache").orElse(null));
      new VarnishBanClient(Duration.ofSeconds(5)).ban(List.of(tagged.purgeAddress()), TOKEN);
      assertEquals(
          "MISS", get(tagged, "/tagged/html").headers().firstValue("X-Cache").orElse(null));
      assertEquals("HIT", get(tagged, "/tagged/css").headers().firstValue("X-Cache").orElse(null));
    }
  }

  /**
   * A BAN over a plain socket bound to {@code from} (any loopback address reaches varnishd on
   * 127.0.0.1), with the token and a ban expression header if given; returns the status code.
   */
  private static int rawBan(String from, int port, String token, String expression)
      throws Exception {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(10_000);
      String request =
          "BAN / HTTP/1.1\r\nHost: shop.example.com\r\nConnection: close\r\n"
              + (token == null ? "" : VclGenerator.TOKEN_HEADER + ": " + token + "\r\n")
              + "X-Ban-Expression: "
              + expression
              + "\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String status =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  private static CacheRuleSpec rule(
      String name, String prefix, CacheRuleSpec.Action action, String ttl) {
    CacheRuleSpec rule = new CacheRuleSpec();
    rule.setName(name);
    rule.setPathPrefix(prefix);
    rule.setAction(action);
    rule.setTtl(ttl);
    return rule;
  }

  private static CacheRuleSpec withBypass(CacheRuleSpec rule) {
    rule.setBypassOnCookies(List.of("sessionid"));
    rule.setBypassOnHeaders(List.of("Authorization"));
    return rule;
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + path))
        .timeout(Duration.ofSeconds(10));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(request(path).build());
  }

  private static HttpResponse<String> get(VarnishServer server, String path) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
