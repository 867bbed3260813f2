package io.scalableapp.operator.cdn.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scalableapp.operator.cdn.CdnPolicy;
import io.scalableapp.operator.cdn.CdnPolicy.CacheRule;
import io.scalableapp.operator.cdn.CdnPolicy.CdnDefaults;
import io.scalableapp.operator.cdn.CdnPolicy.PathMatch;
import io.scalableapp.operator.cdn.CdnPolicy.PurgeMode;
import io.scalableapp.operator.cdn.CdnPolicy.PurgePolicy;
import io.scalableapp.operator.cdn.CdnPolicy.RuleAction;
import io.scalableapp.operator.cdn.cloudflare.RulesExpression.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The translation of the provider-neutral policy into Cloudflare cache rules, without any server.
 */
class CloudflareCacheRulesTest {
  static final Duration DAY = Duration.ofDays(1);

  static CdnPolicy policy(
      List<String> hosts,
      Duration edgeTtl,
      List<CacheRule> rules,
      Optional<Duration> staleWhileRevalidate) {
    return new CdnPolicy(
        "cloudflare",
        hosts,
        new CdnDefaults(edgeTtl, Duration.ofMinutes(1), DAY),
        rules,
        staleWhileRevalidate,
        Optional.empty(),
        new PurgePolicy(true, PurgeMode.EVERYTHING, List.of(), List.of(), "Cache-Tag"));
  }

  /**
   * The example: /static/ for a day, /api/ bypassed, bypass when Authorization or a session
   * is present.
   */
  static CdnPolicy shop() {
    return policy(
        List.of("shop.example.com"),
        Duration.ofMinutes(5),
        List.of(
            new CacheRule(
                "static",
                PathMatch.prefix("/static/"),
                RuleAction.cache(DAY),
                List.of(),
                List.of()),
            new CacheRule(
                "api", PathMatch.prefix("/api/"), RuleAction.bypass(), List.of(), List.of()),
            new CacheRule(
                "pages",
                PathMatch.glob("/**"),
                RuleAction.cache(Duration.ofMinutes(10)),
                List.of("sessionid"),
                List.of("Authorization"))),
        Optional.of(Duration.ofSeconds(30)));
  }

  @Test
  void writesOneRuleForTheDefaultsThenOnePerPolicyRuleAndOneMorePerBypassCondition() {
    List<ObjectNode> rules = CloudflareCacheRules.of("shop", "web", shop());

    assertThat(rules)
        .extracting(r -> r.get("ref").asText())
        .containsExactly(
            "scalableapp:shop/web:defaults",
            "scalableapp:shop/web:rule:static",
            "scalableapp:shop/web:rule:api",
            "scalableapp:shop/web:rule:pages",
            "scalableapp:shop/web:rule:pages:bypass");
    assertThat(rules)
        .allSatisfy(
            r -> {
              assertThat(r.get("action").asText()).isEqualTo("set_cache_settings");
              assertThat(r.get("enabled").asBoolean()).isTrue();
            });
    assertThat(rules.get(0).get("expression").asText())
        .isEqualTo("http.host in {\"shop.example.com\"}");
    assertThat(rules.get(1).get("expression").asText())
        .isEqualTo(
            "(http.host in {\"shop.example.com\"}) and (starts_with(http.request.uri.path, \"/static/\"))");
    assertThat(rules.get(2).get("expression").asText())
        .isEqualTo(
            "(http.host in {\"shop.example.com\"}) and (starts_with(http.request.uri.path, \"/api/\"))"
                + " and (not (starts_with(http.request.uri.path, \"/static/\")))");
    assertThat(rules.get(4).get("expression").asText())
        .endsWith(
            " and ((http.cookie contains \"sessionid=\") or "
                + "(any(lower(http.request.headers.names[*])[*] eq \"authorization\")))");
  }

  @Test
  void cachesWithTtlsThatOverrideTheOriginAndServesStaleWhileUpdatingOnlyWhenAsked() {
    List<ObjectNode> rules = CloudflareCacheRules.of("shop", "web", shop());

    assertThat(rules.get(1).get("action_parameters"))
        .isEqualTo(
            json(
                """
        {"cache": true, "edge_ttl": {"mode": "override_origin", "default": 86400},
         "browser_ttl": {"mode": "override_origin", "default": 60},
         "serve_stale": {"disable_stale_while_updating": false}}"""));
    assertThat(rules.get(2).get("action_parameters")).isEqualTo(json("{\"cache\": false}"));
    CdnPolicy noStale =
        policy(List.of("shop.example.com"), Duration.ofMinutes(5), List.of(), Optional.empty());
    assertThat(
            CloudflareCacheRules.of("shop", "web", noStale)
                .get(0)
                .at("/action_parameters/serve_stale"))
        .isEqualTo(json("{\"disable_stale_while_updating\": true}"));
  }

  @Test
  void aZeroDefaultEdgeTtlMeansTheAppsHostsAreNotCachedUnlessARuleSaysSo() {
    CdnPolicy policy =
        policy(
            List.of("shop.example.com", "*.shop.example.com"),
            Duration.ZERO,
            List.of(),
            Optional.empty());

    ObjectNode defaults = CloudflareCacheRules.of("shop", "web", policy).get(0);

    assertThat(defaults.get("action_parameters")).isEqualTo(json("{\"cache\": false}"));
    assertThat(defaults.get("expression").asText())
        .isEqualTo(
            "(http.host in {\"shop.example.com\"}) or (ends_with(http.host, \".shop.example.com\"))");
  }

  @Test
  void globsWithOnlyDoubleStarsUseTheWildcardOperatorAndSingleStarsARegexKeptWithinASegment() {
    assertThat(RulesLanguage.path(PathMatch.glob("/assets/**.css")))
        .isEqualTo("http.request.uri.path strict wildcard \"/assets/*.css\"");
    assertThat(RulesLanguage.path(PathMatch.glob("/assets/*.css")))
        .isEqualTo("http.request.uri.path matches \"^/assets/[^/]*[.]css$\"");
    assertThat(
            RulesExpression.matches(
                RulesLanguage.path(PathMatch.glob("/assets/*.css")),
                HttpRequest.of("h", "/assets/app.css")))
        .isTrue();
    assertThat(
            RulesExpression.matches(
                RulesLanguage.path(PathMatch.glob("/assets/*.css")),
                HttpRequest.of("h", "/assets/v2/app.css")))
        .isFalse();
    assertThat(
            RulesExpression.matches(
                RulesLanguage.path(PathMatch.glob("/assets/**.css")),
                HttpRequest.of("h", "/assets/v2/app.css")))
        .isTrue();
  }

  @Test
  void refsOfOneAppAreNotAPrefixOfAnotherAppsRefs() {
    assertThat(CloudflareCacheRules.refPrefix("ns", "ab"))
        .doesNotStartWith(CloudflareCacheRules.refPrefix("ns", "a"));
  }

  /**
   * Property: for many generated policies and requests, what Cloudflare applies (every matching
   * rule in order, later settings overriding earlier ones) is what the policy means (first matching
   * path decides, bypass cookies and headers turn caching off, other hosts untouched).
   */
  @Test
  void cloudflaresAllMatchingRulesSemanticsGivesThePolicysFirstMatchSemantics() {
    Random random = new Random(20261129);
    int checked = 0;
    for (int p = 0; p < 300; p++) {
      CdnPolicy policy = randomPolicy(random);
      List<ObjectNode> rules = CloudflareCacheRules.of("ns", "app", policy);
      for (int q = 0; q < 40; q++) {
        HttpRequest request = randomRequest(random);
        ObjectNode applied = JsonNodeFactory.instance.objectNode();
        for (ObjectNode rule : rules) {
          if (RulesExpression.matches(rule.get("expression").asText(), request)) {
            applied.setAll((ObjectNode) rule.get("action_parameters"));
          }
        }
        Optional<Duration> expected = intendedEdgeTtl(policy, request);
        if (!policy.hosts().contains(request.host())) {
          assertThat(applied).as("a host the app does not own is left alone").isEmpty();
        } else if (expected.isEmpty()) {
          assertThat(applied.get("cache").asBoolean())
              .as("%s %s", request, policy.rules())
              .isFalse();
        } else {
          assertThat(applied.get("cache").asBoolean())
              .as("%s %s", request, policy.rules())
              .isTrue();
          assertThat(applied.at("/edge_ttl/default").asLong())
              .isEqualTo(expected.get().toSeconds());
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(12_000);
  }

  /** The policy's meaning, written independently of the translation: empty means not cached. */
  private static Optional<Duration> intendedEdgeTtl(CdnPolicy policy, HttpRequest request) {
    for (CacheRule rule : policy.rules()) {
      boolean matches =
          rule.match().kind() == PathMatch.Kind.PREFIX
              ? request.path().startsWith(rule.match().pattern())
              : globMatches(rule.match().pattern(), request.path());
      if (!matches) {
        continue;
      }
      boolean bypassed =
          rule.bypassOnCookies().stream().anyMatch(c -> request.cookie().contains(c + "="))
              || rule.bypassOnHeaders().stream()
                  .anyMatch(h -> request.headerNames().stream().anyMatch(h::equalsIgnoreCase));
      return rule.action().kind() == RuleAction.Kind.BYPASS || bypassed
          ? Optional.empty()
          : rule.action().ttl().filter(t -> !t.isZero());
    }
    Duration edgeTtl = policy.defaults().edgeTtl();
    return edgeTtl.isZero() ? Optional.empty() : Optional.of(edgeTtl);
  }

  /** Glob by backtracking: "**" any characters, "*" any characters but "/". */
  static boolean globMatches(String glob, String path) {
    if (glob.isEmpty()) {
      return path.isEmpty();
    }
    if (glob.startsWith("**")) {
      for (int i = 0; i <= path.length(); i++) {
        if (globMatches(glob.substring(2), path.substring(i))) {
          return true;
        }
      }
      return false;
    }
    if (glob.startsWith("*")) {
      for (int i = 0; i <= path.length() && (i == 0 || path.charAt(i - 1) != '/'); i++) {
        if (globMatches(glob.substring(1), path.substring(i))) {
          return true;
        }
      }
      return false;
    }
    return !path.isEmpty()
        && path.charAt(0) == glob.charAt(0)
        && globMatches(glob.substring(1), path.substring(1));
  }

  private static final List<String> SEGMENTS =
      List.of("static", "api", "a", "b.css", "img", "v1", "x.js");
  private static final List<String> HOSTS =
      List.of("shop.example.com", "www.example.com", "other.example.org");

  private static CdnPolicy randomPolicy(Random random) {
    List<CacheRule> rules = new ArrayList<>();
    int count = random.nextInt(6);
    for (int i = 0; i < count; i++) {
      PathMatch match =
          random.nextBoolean()
              ? PathMatch.prefix(randomPath(random, false))
              : PathMatch.glob(randomPath(random, true));
      RuleAction action =
          random.nextInt(3) == 0
              ? RuleAction.bypass()
              : RuleAction.cache(Duration.ofSeconds(random.nextInt(4) * 3600L));
      List<String> cookies = random.nextInt(3) == 0 ? List.of("sessionid") : List.of();
      List<String> headers = random.nextInt(3) == 0 ? List.of("Authorization") : List.of();
      rules.add(new CacheRule("r" + i, match, action, cookies, headers));
    }
    List<String> hosts = random.nextBoolean() ? List.of(HOSTS.get(0)) : HOSTS.subList(0, 2);
    return policy(hosts, Duration.ofSeconds(random.nextInt(3) * 300L), rules, Optional.empty());
  }

  private static String randomPath(Random random, boolean glob) {
    StringBuilder path = new StringBuilder();
    int segments = 1 + random.nextInt(3);
    for (int i = 0; i < segments; i++) {
      path.append('/');
      int pick = random.nextInt(glob ? SEGMENTS.size() + 3 : SEGMENTS.size());
      path.append(
          pick < SEGMENTS.size()
              ? SEGMENTS.get(pick)
              : pick == SEGMENTS.size() ? "*" : pick == SEGMENTS.size() + 1 ? "**" : "*.css");
    }
    return glob || random.nextBoolean() ? path.toString() : path + "/";
  }

  private static HttpRequest randomRequest(Random random) {
    HttpRequest request =
        HttpRequest.of(HOSTS.get(random.nextInt(HOSTS.size())), randomPath(random, false));
    if (random.nextInt(4) == 0) {
      request = request.withCookie("theme=dark; sessionid=42");
    }
    if (random.nextInt(4) == 0) {
      request = request.withHeader(random.nextBoolean() ? "Authorization" : "authorization");
    }
    return request;
  }

  static JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
