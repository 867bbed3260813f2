package io.scalableapp.operator.cdn.cloudflare;

import static io.scalableapp.operator.cdn.cloudflare.CloudflareApiTest.TOKEN;
import static io.scalableapp.operator.cdn.cloudflare.CloudflareApiTest.ZONE;
import static io.scalableapp.operator.cdn.cloudflare.CloudflareCacheRulesTest.json;
import static io.scalableapp.operator.cdn.cloudflare.CloudflareCacheRulesTest.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scalableapp.operator.cdn.AppliedCdn;
import io.scalableapp.operator.cdn.CdnPolicy;
import io.scalableapp.operator.cdn.CdnPolicy.PurgeMode;
import io.scalableapp.operator.cdn.CdnPolicy.PurgePolicy;
import io.scalableapp.operator.cdn.CdnProvider.Unsupported;
import io.scalableapp.operator.cdn.CdnProviderException;
import io.scalableapp.operator.cdn.CdnTarget;
import io.scalableapp.operator.cdn.CdnTarget.CloudflareAccess;
import io.scalableapp.operator.cdn.PurgeRequest;
import io.scalableapp.operator.cdn.PurgeResult;
import io.scalableapp.operator.cdn.cloudflare.CloudflareStandIn.Failure;
import io.scalableapp.operator.cdn.cloudflare.RulesExpression.HttpRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider against the stand-in: only its own rules, drift found and repaired, purges as
 * Cloudflare takes them.
 */
class CloudflareProviderTest {
  CloudflareStandIn cloudflare;
  CloudflareProvider provider = new CloudflareProvider(java.time.Duration.ofSeconds(15));
  CdnTarget web;
  CdnTarget blog;

  @BeforeEach
  void start() throws IOException {
    cloudflare = new CloudflareStandIn(TOKEN);
    web = target("web");
    blog = target("blog");
  }

  @AfterEach
  void stop() {
    cloudflare.close();
  }

  CdnTarget target(String name) {
    return new CdnTarget(
        "shop",
        name,
        "uid-" + name,
        Optional.of(new CloudflareAccess(ZONE, cloudflare.baseUrl(), TOKEN)),
        Optional.empty());
  }

  static ObjectNode foreignRule(String ref, String host) {
    ObjectNode rule = CloudflareApiTest.rule(ref, "http.host eq \"" + host + "\"");
    rule.put("description", "made in the dashboard");
    return rule;
  }

  @Test
  void applyWritesTheRulesThatCacheStaticBypassTheApiAndLeaveOtherHostsAlone() {
    assertThat(provider.observe(web)).isEmpty();

    AppliedCdn applied = provider.apply(web, shop());

    assertThat(provider.observe(web)).contains(applied);
    assertThat(applied.description()).contains("5 cache rules").contains(ZONE);
    assertThat(cloudflare.settingsFor(ZONE, HttpRequest.of("shop.example.com", "/static/app.js")))
        .isEqualTo(
            json(
                """
            {"cache": true, "edge_ttl": {"mode": "override_origin", "default": 86400},
             "browser_ttl": {"mode": "override_origin", "default": 60},
             "serve_stale": {"disable_stale_while_updating": false}}"""));
    assertThat(
            cloudflare
                .settingsFor(ZONE, HttpRequest.of("shop.example.com", "/api/cart"))
                .get("cache")
                .asBoolean())
        .isFalse();
    assertThat(
            cloudflare
                .settingsFor(ZONE, HttpRequest.of("shop.example.com", "/catalog"))
                .at("/edge_ttl/default")
                .asInt())
        .isEqualTo(600);
    assertThat(
            cloudflare
                .settingsFor(
                    ZONE,
                    HttpRequest.of("shop.example.com", "/catalog").withHeader("Authorization"))
                .get("cache")
                .asBoolean())
        .isFalse();
    assertThat(cloudflare.settingsFor(ZONE, HttpRequest.of("blog.example.org", "/static/app.js")))
        .isEmpty();
  }

  @Test
  void applyingTheSamePolicyAgainWritesNothing() {
    AppliedCdn first = provider.apply(web, shop());
    int requests = cloudflare.requests().size();

    AppliedCdn second = provider.apply(web, shop());

    assertThat(second.version()).isEqualTo(first.version());
    assertThat(cloudflare.requests().subList(requests, cloudflare.requests().size()))
        .as("the zone as just written is shared for a while")
        .isEmpty();
    assertThat(cloudflare.version(ZONE)).contains("1");
  }

  @Test
  void theAppsOfAZoneShareItsReadsAndAWriteStartsFromAFreshOne() {
    io.scalableapp.engine.time.ManualClock clock =
        new io.scalableapp.engine.time.ManualClock(java.time.Instant.parse("2026-12-07T00:00:00Z"));
    CloudflareProvider shared =
        new CloudflareProvider(
            CloudflareApi.withDefaultClient(java.time.Duration.ofSeconds(5)),
            java.time.Duration.ofSeconds(15),
            new SharedReads(java.time.Duration.ofSeconds(10), clock));
    List<CdnTarget> apps = IntStream.range(0, 20).mapToObj(i -> target("app" + i)).toList();
    apps.forEach(app -> shared.apply(app, shop()));
    clock.advance(java.time.Duration.ofSeconds(11));
    int before = cloudflare.requests().size();

    // Twenty apps checked for drift: one GET between them, not twenty.
    apps.forEach(app -> shared.apply(app, shop()));
    assertThat(cloudflare.requests().subList(before, cloudflare.requests().size()))
        .extracting(CloudflareStandIn.Request::method)
        .containsExactly("GET");

    // A rule edited elsewhere meanwhile: the shared read would not see it, the write's own read
    // does, and keeps it.
    cloudflare.editOutside(
        ZONE, rules -> rules.add(foreignRule("dashboard-new", "docs.example.com")));
    shared.apply(target("newcomer"), shop());
    assertThat(cloudflare.rules(ZONE))
        .anyMatch(r -> r.get("ref").asText().equals("dashboard-new"))
        .anyMatch(r -> r.get("ref").asText().contains("/newcomer:"));
  }

  @Test
  void rulesOwnedBySomeoneElseKeepTheirContentAndOrderThroughApplyAndRemove() {
    cloudflare.editOutside(
        ZONE,
        rules -> {
          rules.add(foreignRule("dashboard-1", "docs.example.com"));
          rules.add(foreignRule("terraform-1", "cdn.example.com"));
        });
    List<ObjectNode> before = cloudflare.rules(ZONE);

    provider.apply(web, shop());
    provider.apply(
        blog,
        CloudflareCacheRulesTest.policy(
            List.of("blog.example.com"), Duration.ofMinutes(1), List.of(), Optional.empty()));
    cloudflare.editOutside(
        ZONE, rules -> rules.add(foreignRule("dashboard-2", "status.example.com")));
    provider.apply(
        web,
        CloudflareCacheRulesTest.policy(
            List.of("shop.example.com"), Duration.ofMinutes(2), List.of(), Optional.empty()));

    assertThat(cloudflare.rules(ZONE))
        .extracting(r -> r.get("ref").asText())
        .containsExactly(
            "dashboard-1",
            "terraform-1",
            "scalableapp:shop/web:defaults",
            "scalableapp:shop/blog:defaults",
            "dashboard-2");
    assertThat(cloudflare.rules(ZONE).subList(0, 2)).isEqualTo(before);

    provider.remove(web);

    assertThat(cloudflare.rules(ZONE))
        .extracting(r -> r.get("ref").asText())
        .containsExactly(
            "dashboard-1", "terraform-1", "scalableapp:shop/blog:defaults", "dashboard-2");
    assertThat(cloudflare.rules(ZONE).subList(0, 2)).isEqualTo(before);
    assertThat(provider.observe(web)).isEmpty();
    assertThat(provider.observe(blog)).isPresent();
  }

  @Test
  void aRuleEditedOrDeletedOutsideTheOperatorShowsAsAnotherVersionAndTheNextApplyRestoresIt() {
    AppliedCdn applied = provider.apply(web, shop());
    cloudflare.editOutside(
        ZONE, rules -> rules.add(0, foreignRule("dashboard-1", "docs.example.com")));
    assertThat(provider.observe(web))
        .as("someone else's rule is not drift")
        .contains(
            new AppliedCdn(
                applied.version(), applied.description().replace("version 1", "version 2")));

    cloudflare.editOutside(
        ZONE,
        rules ->
            ((ObjectNode) rules.get(2).get("action_parameters").get("edge_ttl"))
                .put("default", 60));
    assertThat(provider.observe(web).orElseThrow().version()).isNotEqualTo(applied.version());
    assertThat(provider.apply(web, shop()).version()).isEqualTo(applied.version());
    assertThat(
            cloudflare
                .settingsFor(ZONE, HttpRequest.of("shop.example.com", "/static/a.js"))
                .at("/edge_ttl/default")
                .asInt())
        .isEqualTo(86400);

    cloudflare.editOutside(
        ZONE, rules -> rules.removeIf(r -> r.get("ref").asText().endsWith(":rule:api")));
    assertThat(provider.observe(web).orElseThrow().version()).isNotEqualTo(applied.version());
    assertThat(provider.apply(web, shop()).version()).isEqualTo(applied.version());
    assertThat(cloudflare.rules(ZONE))
        .extracting(r -> r.get("ref").asText())
        .startsWith("dashboard-1")
        .contains("scalableapp:shop/web:rule:api");
  }

  @Test
  void purgesEverythingOfTheAppsHostsByPrefixOrByTagInBatchesCloudflareAccepts() {
    CdnPolicy policy = shop();
    PurgeResult everything = provider.purge(web, PurgeRequest.of(policy, "rollout of web-7d4b9c"));
    assertThat(everything.id()).isEqualTo(ZONE);
    assertThat(everything.description()).contains("rollout of web-7d4b9c");

    provider.purge(
        web,
        new PurgeRequest(
            PurgeMode.PREFIXES,
            List.of("shop.example.com", "www.example.com"),
            List.of("/static/", "/img/"),
            List.of(),
            "Cache-Tag",
            "manual"));
    List<String> tags = IntStream.range(0, 45).mapToObj(i -> "t" + i).toList();
    provider.purge(
        web,
        new PurgeRequest(
            PurgeMode.TAGS, List.of("shop.example.com"), List.of(), tags, "Cache-Tag", "manual"));

    List<JsonNode> purges = cloudflare.purges(ZONE);
    assertThat(purges).hasSize(4);
    assertThat(purges.get(0)).isEqualTo(json("{\"hosts\": [\"shop.example.com\"]}"));
    assertThat(purges.get(1))
        .isEqualTo(
            json(
                "{\"prefixes\": [\"shop.example.com/static/\", \"shop.example.com/img/\","
                    + " \"www.example.com/static/\", \"www.example.com/img/\"]}"));
    assertThat(purges.get(2).get("tags")).hasSize(30);
    assertThat(purges.get(3).get("tags")).hasSize(15);
  }

  @Test
  void whatCloudflareCannotExpressIsListedAndNotApplied() {
    CdnPolicy shop = shop();
    CdnPolicy unsupported =
        new CdnPolicy(
            "cloudflare",
            List.of("shop.example.com", "*.shop.example.com"),
            shop.defaults(),
            shop.rules(),
            Optional.empty(),
            Optional.of(Duration.ofHours(1)),
            new PurgePolicy(true, PurgeMode.EVERYTHING, List.of(), List.of(), "Cache-Tag"));
    CdnPolicy otherTagHeader =
        new CdnPolicy(
            "cloudflare",
            shop.hosts(),
            shop.defaults(),
            shop.rules(),
            Optional.empty(),
            Optional.empty(),
            new PurgePolicy(true, PurgeMode.TAGS, List.of(), List.of("html"), "X-Tags"));

    assertThat(provider.unsupported(shop)).isEmpty();
    assertThat(provider.unsupported(unsupported))
        .extracting(Unsupported::field)
        .containsExactly("cdn.staleIfError", "cdn.hosts");
    assertThat(provider.unsupported(otherTagHeader))
        .extracting(Unsupported::field)
        .containsExactly("cdn.purge.tagHeader");
    assertThatThrownBy(() -> provider.apply(web, unsupported))
        .isInstanceOfSatisfying(
            CdnProviderException.class,
            e -> assertThat(e.reason()).isEqualTo("UnsupportedByProvider"));
    assertThat(cloudflare.requests()).isEmpty();
  }

  @Test
  void everyFailureNamesItsReasonAndNoneCarriesTheToken() {
    cloudflare.failNext(1, Failure.AUTHENTICATION_ERROR);
    cloudflare.failNext(1, Failure.RATE_LIMITED);
    assertThatThrownBy(() -> provider.apply(web, shop()))
        .isInstanceOfSatisfying(
            CdnProviderException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("AuthenticationFailed");
              assertThat(e.getMessage()).doesNotContain(TOKEN);
            });
    assertThatThrownBy(() -> provider.purge(web, PurgeRequest.of(shop(), "test")))
        .isInstanceOfSatisfying(
            CdnProviderException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("RateLimited");
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
            });
    assertThat(cloudflare.purges(ZONE)).isEmpty();
    assertThat(provider.apply(web, shop()).version()).isNotBlank();
    assertThat(web.toString()).doesNotContain(TOKEN);
  }
}
