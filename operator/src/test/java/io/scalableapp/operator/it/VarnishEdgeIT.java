package io.scalableapp.operator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scalableapp.operator.api.cdn.CacheRuleSpec;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.cdn.CdnPolicies;
import io.scalableapp.operator.cdn.CdnPolicy;
import io.scalableapp.operator.cdn.PurgeRequest;
import io.scalableapp.operator.cdn.varnish.VarnishBanClient;
import io.scalableapp.operator.cdn.varnish.VarnishBans;
import io.scalableapp.operator.cdn.varnish.VclBackend;
import io.scalableapp.operator.cdn.varnish.VclGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The VCL generated from spec.cdn, run by a real varnishd in front of a local origin: what the rules say is what
 * the edge does. One varnishd for the class; each test uses its own paths, so cached objects never cross tests.
 */
class VarnishEdgeIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static TestOrigin origin;
  private static VarnishServer edge;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    CdnSpec spec = new CdnSpec();
    spec.setProvider(CdnSpec.Provider.varnish);
    spec.getDefaults().setEdgeTtl("1h");
    spec.setStaleIfError("1h");
    spec.setRules(List.of(
        rule("api", "/api/", CacheRuleSpec.Action.Bypass, null),
        rule("short", "/short/", CacheRuleSpec.Action.Cache, "2s"),
        rule("stale", "/stale/", CacheRuleSpec.Action.Cache, "1s"),
        withBypass(rule("static", "/static/", CacheRuleSpec.Action.Cache, "1d"))));
    CdnPolicy policy = CdnPolicies.from(spec);
    String vcl = VclGenerator.generate(policy,
        new VclBackend("127.0.0.1", origin.port(), "/healthz", List.of()));
    edge = VarnishServer.start(vcl, Files.createTempDirectory("varnish-edge-it"));
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
    assertEquals("max-age=0", second.headers().firstValue("Cache-Control").orElse(null),
        "browsers get defaults.browserTtl, not the edge TTL");
    assertTrue(second.headers().firstValue("x-url").isEmpty(), "the ban bookkeeping header stays inside the edge");
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
    var withSession = send(request("/static/logo.png").header("Cookie", "theme=dark; sessionid=abc").build());
    var withAuthorization = send(request("/static/logo.png").header("Authorization", "Bearer x").build());
    var otherCookie = send(request("/static/logo.png").header("Cookie", "theme=dark").build());
    assertEquals("PASS", withSession.headers().firstValue("X-Cache").orElse(null));
    assertEquals("PASS", withAuthorization.headers().firstValue("X-Cache").orElse(null));
    assertEquals("HIT", otherCookie.headers().firstValue("X-Cache").orElse(null),
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
    System.out.printf("VarnishEdgeIT: 2s TTL object served from cache for %d ms%n", lived.toMillis());
  }

  @Test
  void staleContentIsServedWhileTheOriginIsDown() throws Exception {
    Instant cachedAt = Instant.now();
    assertEquals("/stale/home #1", get("/stale/home").body());
    origin.stop();
    try {
      // Past the 1s TTL only the cache can answer 200; until the health probe finds the origin down, the edge
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
      System.out.printf("VarnishEdgeIT: stale copy served %d ms after caching, origin down%n",
          Duration.between(cachedAt, Instant.now()).toMillis());
    } finally {
      origin.start();
      awaitOriginHealthyAgain();
    }
  }

  /** The tests need the probe to find the origin up (at start, and again after the stale test stopped it). */
  private static void awaitOriginHealthyAgain() throws Exception {
    Instant deadline = Instant.now().plusSeconds(20);
    while (get("/api/health-check").statusCode() != 200) {
      assertTrue(Instant.now().isBefore(deadline), "the edge never found the restarted origin healthy");
      Thread.sleep(200);
    }
  }

  @Test
  void aBanMakesTheNextRequestAMiss() throws Exception {
    get("/static/ban/a.js");
    get("/static/keep/b.js");
    assertEquals("HIT", get("/static/ban/a.js").headers().firstValue("X-Cache").orElse(null));
    var bans = new VarnishBanClient();
    bans.ban(List.of(edge.address()), VarnishBans.expression(new PurgeRequest(CdnPolicy.PurgeMode.PREFIXES,
        List.of(), List.of("/static/ban/"), List.of(), "Cache-Tag", "test")));
    assertEquals("MISS", get("/static/ban/a.js").headers().firstValue("X-Cache").orElse(null));
    assertEquals("HIT", get("/static/keep/b.js").headers().firstValue("X-Cache").orElse(null),
        "a prefix ban leaves other paths cached");
    bans.ban(List.of(edge.address()), VarnishBans.expression(new PurgeRequest(CdnPolicy.PurgeMode.EVERYTHING,
        List.of(), List.of(), List.of(), "Cache-Tag", "test")));
    assertEquals("MISS", get("/static/keep/b.js").headers().firstValue("X-Cache").orElse(null));
  }

  @Test
  void aTagBanRemovesOnlyTheTaggedResponses() throws Exception {
    get("/tagged/css");
    get("/tagged/html");
    assertEquals("HIT", get("/tagged/css").headers().firstValue("X-Cache").orElse(null));
    new VarnishBanClient().ban(List.of(edge.address()), VarnishBans.expression(new PurgeRequest(
        CdnPolicy.PurgeMode.TAGS, List.of(), List.of(), List.of("html"), "Cache-Tag", "test")));
    assertEquals("MISS", get("/tagged/html").headers().firstValue("X-Cache").orElse(null));
    assertEquals("HIT", get("/tagged/css").headers().firstValue("X-Cache").orElse(null));
  }

  private static CacheRuleSpec rule(String name, String prefix, CacheRuleSpec.Action action, String ttl) {
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
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + path)).timeout(Duration.ofSeconds(10));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(request(path).build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
