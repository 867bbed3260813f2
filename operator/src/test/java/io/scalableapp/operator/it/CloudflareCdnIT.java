package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.cdn.CacheRuleSpec;
import io.scalableapp.operator.cdn.cloudflare.CloudflareStandIn;
import io.scalableapp.operator.cdn.cloudflare.CloudflareStandIn.Failure;
import io.scalableapp.operator.cdn.cloudflare.CloudflareStandIn.Request;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ScalableApp with provider cloudflare, its token in a Secret, against the packaged operator and
 * the Cloudflare stand-in: rules applied and status filled, foreign rules untouched, drift
 * restored, 403 and 429 surfacing as CdnReady=False and retried until Cloudflare answers again (429
 * no sooner than Retry-After), the app's rules gone with the app, and the token nowhere in the
 * operator's log, the app's status or the namespace's Events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloudflareCdnIT {
  private static final Logger LOG = LoggerFactory.getLogger(CloudflareCdnIT.class);

  /** Unique per run, so finding it anywhere cannot be a coincidence. */
  static final String TOKEN = "cfit" + UUID.randomUUID().toString().replace("-", "");

  static final String ZONE = "0123456789abcdef0123456789abcdef";
  static final String APP = "web";
  static final Duration RETRY = Duration.ofMinutes(2);

  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("cloudflare");

  static CloudflareStandIn cloudflare;
  static OperatorProcess operator;
  static List<ObjectNode> foreignRules;

  @BeforeAll
  static void start() throws Exception {
    cloudflare = new CloudflareStandIn(TOKEN);
    cloudflare.editOutside(ZONE, rules -> rules.add(foreignRule()));
    foreignRules = cloudflare.rules(ZONE);
    cluster
        .client()
        .secrets()
        .inNamespace(cluster.name())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("cloudflare")
                .endMetadata()
                .addToStringData("apiToken", TOKEN)
                .build())
        .create();
    operator =
        OperatorProcess.start(
            "cloudflare-it",
            Map.of(
                "scalableapp.operator.namespaces", cluster.name(),
                "scalableapp.prometheus.url", "http://127.0.0.1:1",
                "scalableapp.leader-election.enabled", "false",
                // The stand-in is an apiBaseUrl the operator may call only because its allowlist
                // names it.
                "scalableapp.cdn.cloudflare.api-base-urls", cloudflare.baseUrl().toString(),
                // Drift is found when the operator reads the rules back: every 2 s here instead of
                // every 30 s.
                "scalableapp.cdn.resync", "2s",
                // Everything the operator would log about the CDN, so the token check below covers
                // it.
                "quarkus.log.category.\"io.scalableapp\".level", "DEBUG"));
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(operator::isReady);
  }

  @AfterAll
  static void stop() throws Exception {
    if (operator != null) {
      operator.close();
    }
    if (cloudflare != null) {
      cloudflare.close();
    }
  }

  static ObjectNode foreignRule() {
    ObjectNode rule = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    rule.put("ref", "dashboard-docs");
    rule.put("description", "made in the dashboard");
    rule.put("expression", "http.host eq \"docs.example.com\"");
    rule.put("action", "set_cache_settings");
    rule.putObject("action_parameters").put("cache", true);
    return rule;
  }

  static ScalableApp app() {
    CacheRuleSpec api = new CacheRuleSpec();
    api.setName("api");
    api.setPathPrefix("/api/");
    api.setAction(CacheRuleSpec.Action.Bypass);
    return CloudflareApps.app(
        APP, cluster.name(), "shop.example.com", ZONE, cloudflare.baseUrl(), api);
  }

  static List<ObjectNode> ours() {
    return cloudflare.rules(ZONE).stream()
        .filter(
            r ->
                r.get("ref").asText().startsWith("scalableapp:" + cluster.name() + "/" + APP + ":"))
        .toList();
  }

  static ObjectNode ourRule(String suffix) {
    return ours().stream()
        .filter(r -> r.get("ref").asText().endsWith(":" + suffix))
        .findFirst()
        .orElseThrow();
  }

  static ScalableApp awaitCdn(String status, String reason) {
    return CloudflareApps.awaitCdn(cluster.client(), cluster.name(), APP, status, reason);
  }

  /** Changes the app's spec.cdn, so the operator has something to write to Cloudflare. */
  static void setStaticTtl(String ttl) {
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName(APP)
        .edit(
            a -> {
              a.getSpec().getCdn().getRules().get(0).setTtl(ttl);
              return a;
            });
  }

  @Test
  @Order(1)
  void rulesAreAppliedStatusIsFilledAndTheZonesOtherRulesAreLeftAlone() {
    long created = System.nanoTime();
    cluster.client().resource(app()).create();

    ScalableApp ready =
        AppAssertions.awaitApp(
            cluster.client(),
            cluster.name(),
            APP,
            AppAssertions.hasCondition("CdnReady", "True")
                .and(
                    a ->
                        a.getStatus().getCdn() != null
                            && a.getStatus().getCdn().getAppliedVersion() != null));
    LOG.info(
        "CdnReady=True {} ms after the app was created", (System.nanoTime() - created) / 1_000_000);

    assertThat(ready.getStatus().getCdn().getProvider()).isEqualTo("cloudflare");
    assertThat(ours())
        .extracting(r -> r.get("ref").asText().replaceFirst(".*/" + APP + ":", ""))
        .containsExactly("defaults", "rule:static", "rule:api");
    assertThat(ourRule("rule:static").at("/action_parameters/edge_ttl/default").asInt())
        .isEqualTo(86400);
    assertThat(ourRule("rule:api").at("/action_parameters/cache").asBoolean()).isFalse();
    assertThat(cloudflare.rules(ZONE).get(0))
        .as("the dashboard's rule, unchanged and first")
        .isEqualTo(foreignRules.get(0));
  }

  @Test
  @Order(2)
  void aRuleChangedOutsideTheOperatorIsRestored() {
    cloudflare.editOutside(
        ZONE,
        rules ->
            rules.stream()
                .filter(r -> r.get("ref").asText().endsWith(":rule:static"))
                .forEach(
                    r -> ((ObjectNode) r.at("/action_parameters/edge_ttl")).put("default", 60)));
    cloudflare.editOutside(
        ZONE, rules -> rules.removeIf(r -> r.get("ref").asText().endsWith(":rule:api")));

    long edited = System.nanoTime();
    await()
        .atMost(RETRY)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                ours().size() == 3
                    && ourRule("rule:static").at("/action_parameters/edge_ttl/default").asInt()
                        == 86400);
    LOG.info(
        "Drift (one rule edited, one deleted) restored {} ms after the edits (resync 2 s)",
        (System.nanoTime() - edited) / 1_000_000);
    assertThat(cloudflare.rules(ZONE).get(0)).isEqualTo(foreignRules.get(0));
  }

  @Test
  @Order(3)
  void aRefusedTokenIsCdnReadyFalseAuthenticationFailedAndRetriedUntilCloudflareAcceptsIt() {
    cloudflare.failAll(Failure.AUTHENTICATION_ERROR);
    int before = cloudflare.requests().size();
    setStaticTtl("2h");

    ScalableApp failing = awaitCdn("False", "AuthenticationFailed");
    assertThat(AppAssertions.condition(failing, "CdnReady").getMessage()).contains("403");
    await()
        .atMost(RETRY)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> failedSince(before, 403) >= 3);
    LOG.info("403 answers at {}", gaps(before, 403));
    cloudflare.recover();

    AppAssertions.awaitApp(
        cluster.client(), cluster.name(), APP, AppAssertions.hasCondition("CdnReady", "True"));
    await()
        .atMost(RETRY)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> ourRule("rule:static").at("/action_parameters/edge_ttl/default").asInt() == 7200);
  }

  @Test
  @Order(4)
  void rateLimitingIsCdnReadyFalseRateLimitedAndRetriedNoSoonerThanRetryAfter() {
    int retryAfter = 4;
    cloudflare.retryAfterSeconds(retryAfter);
    cloudflare.failAll(Failure.RATE_LIMITED);
    int before = cloudflare.requests().size();
    setStaticTtl("3h");

    ScalableApp limited = awaitCdn("False", "RateLimited");
    assertThat(AppAssertions.condition(limited, "CdnReady").getMessage()).contains("429");
    await()
        .atMost(RETRY)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> failedSince(before, 429) >= 3);
    cloudflare.recover();
    await()
        .atMost(RETRY)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                ourRule("rule:static").at("/action_parameters/edge_ttl/default").asInt() == 10800);

    LOG.info("429 answers (Retry-After {} s) at {}", retryAfter, gaps(before, 429));
    List<Request> limitedRequests =
        cloudflare.requests().subList(before, cloudflare.requests().size()).stream()
            .filter(r -> r.status() == 429)
            .toList();
    for (int i = 1; i < limitedRequests.size(); i++) {
      assertThat(Duration.between(limitedRequests.get(i - 1).at(), limitedRequests.get(i).at()))
          .as("gap before retry %d", i)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(retryAfter).minusMillis(100));
    }
    AppAssertions.awaitApp(
        cluster.client(), cluster.name(), APP, AppAssertions.hasCondition("CdnReady", "True"));
  }

  @Test
  @Order(5)
  void deletingTheAppRemovesItsRulesAndOnlyThem() {
    ScalableApp app =
        cluster
            .client()
            .resources(ScalableApp.class)
            .inNamespace(cluster.name())
            .withName(APP)
            .get();
    assertThat(Serialization.asYaml(app))
        .as("the app after failures and recoveries")
        .contains("CdnReady")
        .doesNotContain(TOKEN);

    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName(APP)
        .delete();

    await()
        .atMost(RETRY)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                cluster
                        .client()
                        .resources(ScalableApp.class)
                        .inNamespace(cluster.name())
                        .withName(APP)
                        .get()
                    == null);
    assertThat(cloudflare.rules(ZONE)).isEqualTo(foreignRules);
  }

  @Test
  @Order(6)
  void theTokenIsInNoLogLineStatusOrEvent() throws Exception {
    assertThat(cloudflare.requests())
        .as("the operator did use the token")
        .anyMatch(Request::authorized);
    String log = operator.log();
    assertThat(log).as("the operator logged its Cloudflare work").contains(ZONE);
    assertThat(log).doesNotContain(TOKEN);
    String events =
        Serialization.asYaml(cluster.client().v1().events().inNamespace(cluster.name()).list());
    assertThat(events).contains("Cdn").doesNotContain(TOKEN);
  }

  /**
   * The times of the requests answered with {@code status} since {@code index}, as gaps from the
   * previous one.
   */
  private static String gaps(int index, int status) {
    List<Request> failed =
        cloudflare.requests().subList(index, cloudflare.requests().size()).stream()
            .filter(r -> r.status() == status)
            .toList();
    StringBuilder text = new StringBuilder(failed.size() + " requests, gaps");
    for (int i = 1; i < failed.size(); i++) {
      text.append(' ')
          .append(Duration.between(failed.get(i - 1).at(), failed.get(i).at()).toMillis())
          .append("ms");
    }
    return text.toString();
  }

  private static long failedSince(int index, int status) {
    List<Request> requests = cloudflare.requests();
    return requests.subList(index, requests.size()).stream()
        .filter(r -> r.status() == status)
        .count();
  }
}
