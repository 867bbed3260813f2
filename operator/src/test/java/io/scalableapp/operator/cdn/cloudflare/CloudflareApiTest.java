package io.scalableapp.operator.cdn.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scalableapp.operator.cdn.CdnProviderException;
import io.scalableapp.operator.cdn.CdnTarget.CloudflareAccess;
import io.scalableapp.operator.cdn.cloudflare.CloudflareStandIn.Failure;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP client against the stand-in: requests as Cloudflare documents them, failures as
 * condition reasons.
 */
class CloudflareApiTest {
  static final String TOKEN = "cf-token-Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQ";
  static final String ZONE = "023e105f4ecef8ad9ca31a8372d0c353";

  CloudflareStandIn cloudflare;
  CloudflareApi api = CloudflareApi.withDefaultClient(java.time.Duration.ofSeconds(15));
  CloudflareAccess zone;

  @BeforeEach
  void start() throws IOException {
    cloudflare = new CloudflareStandIn(TOKEN);
    zone = new CloudflareAccess(ZONE, cloudflare.baseUrl(), TOKEN);
  }

  @AfterEach
  void stop() {
    cloudflare.close();
  }

  static ObjectNode rule(String ref, String expression) {
    ObjectNode rule = JsonNodeFactory.instance.objectNode();
    rule.put("ref", ref);
    rule.put("description", "test rule");
    rule.put("expression", expression);
    rule.put("action", "set_cache_settings");
    rule.putObject("action_parameters").put("cache", true);
    return rule;
  }

  @Test
  void aZoneWithoutCacheRulesHasNoEntrypointRulesetThenAPutCreatesItWithIdsAndVersions() {
    assertThat(api.cacheRuleset(zone)).isEmpty();

    CloudflareApi.Ruleset created =
        api.replaceCacheRules(zone, List.of(rule("a", "http.host eq \"a.example\"")));
    CloudflareApi.Ruleset updated =
        api.replaceCacheRules(
            zone, List.of(created.rules().get(0), rule("b", "http.host eq \"b.example\"")));

    assertThat(created.version()).isEqualTo("1");
    assertThat(updated.version()).isEqualTo("2");
    assertThat(updated.rules()).extracting(r -> r.get("ref").asText()).containsExactly("a", "b");
    assertThat(updated.rules().get(0).get("id")).isEqualTo(created.rules().get(0).get("id"));
    assertThat(api.cacheRuleset(zone).orElseThrow().rules()).hasSize(2);
    assertThat(cloudflare.requests()).allSatisfy(r -> assertThat(r.authorized()).isTrue());
  }

  @Test
  void aRequestCloudflareRefusesIsProviderRejectedWithCloudflaresMessage() {
    ObjectNode wrongAction = rule("a", "http.host eq \"a.example\"");
    wrongAction.put("action", "block");

    assertThatThrownBy(() -> api.replaceCacheRules(zone, List.of(wrongAction)))
        .isInstanceOfSatisfying(
            CdnProviderException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("ProviderRejected");
              assertThat(e.getMessage()).contains("HTTP 400").contains("'block' is not allowed");
            });
  }

  @Test
  void aPurgeAnswersWithTheIdCloudflareGives() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("hosts").add("shop.example.com");

    assertThat(api.purge(zone, body)).isEqualTo(ZONE);
    assertThat(cloudflare.purges(ZONE)).containsExactly(body);
  }

  @Test
  void aRefusedTokenIsAuthenticationFailedAndTheMessageNeverHoldsTheToken() {
    CloudflareAccess wrongToken =
        new CloudflareAccess(ZONE, cloudflare.baseUrl(), TOKEN + "-revoked");
    assertThatThrownBy(() -> api.cacheRuleset(wrongToken))
        .isInstanceOfSatisfying(
            CdnProviderException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("AuthenticationFailed");
              assertThat(e.getMessage())
                  .contains("HTTP 403")
                  .contains("10000 Authentication error")
                  .doesNotContain(TOKEN);
              assertThat(e.retryAfter()).isEmpty();
            });
    cloudflare.failNext(1, Failure.AUTHENTICATION_ERROR);
    assertThatThrownBy(() -> api.cacheRuleset(zone)).hasMessageContaining("HTTP 403");
    assertThat(wrongToken.toString()).doesNotContain(TOKEN);
  }

  @Test
  void rateLimitedCarriesTheRetryAfterCloudflareAsked() {
    cloudflare.retryAfterSeconds(7);
    cloudflare.failNext(1, Failure.RATE_LIMITED);

    assertThatThrownBy(() -> api.cacheRuleset(zone))
        .isInstanceOfSatisfying(
            CdnProviderException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("RateLimited");
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
              assertThat(e.getMessage()).contains("971");
            });
    assertThat(api.cacheRuleset(zone)).as("the next request goes through").isEmpty();
  }

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    assertThat(CloudflareApi.retryAfter("120")).contains(Duration.ofSeconds(120));
    String inAMinute =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
    assertThat(CloudflareApi.retryAfter(inAMinute).orElseThrow())
        .isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
    assertThat(CloudflareApi.retryAfter("soon")).isEmpty();
  }

  @Test
  void serverErrorsAreProviderErrorAndAnAbsentServerIsProviderUnreachable() throws IOException {
    cloudflare.failNext(1, Failure.INTERNAL_ERROR);
    assertThatThrownBy(() -> api.cacheRuleset(zone))
        .isInstanceOfSatisfying(
            CdnProviderException.class, e -> assertThat(e.reason()).isEqualTo("ProviderError"));

    cloudflare.goAway();
    assertThatThrownBy(() -> api.cacheRuleset(zone))
        .isInstanceOfSatisfying(
            CdnProviderException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("ProviderUnreachable");
              assertThat(e.getMessage()).contains("127.0.0.1").doesNotContain(TOKEN);
            });
    cloudflare.comeBack();
    assertThat(api.cacheRuleset(zone)).isEmpty();
  }

  @Test
  void aBodyTrickledPastTheDeadlineIsProviderUnreachableWithinTheDeadline() {
    CloudflareApi quick = CloudflareApi.withDefaultClient(Duration.ofSeconds(2));
    cloudflare.failAll(Failure.TRICKLE);
    long start = System.nanoTime();
    assertThatThrownBy(() -> quick.cacheRuleset(zone))
        .isInstanceOfSatisfying(
            CdnProviderException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("ProviderUnreachable");
              assertThat(e.getMessage()).contains("within 2s");
            });
    // Before: the JDK's timeout stopped at the headers and the call took as long as the body (40 s
    // here).
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
  }

  @Test
  void anErrorMessageIsEchoedOnOneLineWithoutControlCharactersAndBounded() {
    cloudflare.failNext(1, Failure.HOSTILE_ERROR_MESSAGE);
    assertThatThrownBy(() -> api.cacheRuleset(zone))
        .isInstanceOfSatisfying(
            CdnProviderException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("ProviderError");
              assertThat(e.getMessage())
                  .contains("upstream failed 2026-12-07 INFO forged line")
                  .doesNotContain("\n", "\r", "\u001b", "\u202e");
              assertThat(e.getMessage().length()).isLessThan(600);
            });
  }

  @Test
  void aTokenWithTheTrailingNewlineOfAFileWorksAndOneWithInnerSpacesIsRefusedWithoutQuotingIt() {
    assertThat(api.cacheRuleset(new CloudflareAccess(ZONE, cloudflare.baseUrl(), TOKEN + "\n")))
        .isEmpty();

    String broken = "abc def\u00e9";
    assertThatThrownBy(
            () -> api.cacheRuleset(new CloudflareAccess(ZONE, cloudflare.baseUrl(), broken)))
        .isInstanceOfSatisfying(
            CdnProviderException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("InvalidCredentials");
              assertThat(e.getMessage()).doesNotContain("abc def");
            });
  }
}
