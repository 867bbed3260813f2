package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.cdn.CacheRuleSpec;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.api.cdn.CloudflareSpec;
import io.scalableapp.operator.api.cdn.PurgeSpec;
import io.scalableapp.operator.api.cdn.SecretKeyRef;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API server refuses a spec.cdn that cannot work, each time with a message naming the field; no
 * operator runs.
 */
class CdnValidationIT {
  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("cdn-validation");

  private static ScalableApp app(String name, Consumer<CdnSpec> change) {
    ScalableApp app = TestApps.app(name, cluster.name());
    CdnSpec cdn = new CdnSpec();
    cdn.setProvider(CdnSpec.Provider.varnish);
    cdn.setRules(List.of(rule("static", "/static/")));
    change.accept(cdn);
    app.getSpec().setCdn(cdn);
    return app;
  }

  private static CacheRuleSpec rule(String name, String prefix) {
    CacheRuleSpec rule = new CacheRuleSpec();
    rule.setName(name);
    rule.setPathPrefix(prefix);
    rule.setTtl("1d");
    return rule;
  }

  private static void assertRejected(ScalableApp app, String message) {
    AppAssertions.assertRejected(cluster.client(), app, message);
  }

  @Test
  void aValidCdnIsAccepted() {
    ScalableApp created =
        cluster
            .client()
            .resource(
                app(
                    "fine",
                    cdn -> {
                      cdn.setHosts(List.of("shop.example.com", "*.cdn.example.com"));
                      cdn.setStaleIfError("1h");
                      cdn.getRules().get(0).setBypassOnCookies(List.of("sessionid"));
                      cdn.getRules().get(0).setBypassOnHeaders(List.of("Authorization"));
                    }))
            .create();
    assertThat(created.getSpec().getCdn().getHosts())
        .containsExactly("shop.example.com", "*.cdn.example.com");
  }

  @Test
  void aRuleNeedsExactlyOnePath() {
    assertRejected(
        app("twopaths", cdn -> cdn.getRules().get(0).setPathGlob("/x/*")),
        "a cdn rule needs exactly one of pathPrefix (e.g. /static/) and pathGlob");
  }

  @Test
  void aBypassRuleHasNoTtl() {
    assertRejected(
        app("bypassttl", cdn -> cdn.getRules().get(0).setAction(CacheRuleSpec.Action.Bypass)),
        "a cdn rule's ttl is only read with action Cache");
  }

  @Test
  void ruleNamesAreUnique() {
    assertRejected(
        app("dupes", cdn -> cdn.setRules(List.of(rule("a", "/a/"), rule("a", "/b/")))),
        "cdn.rules names must be unique");
  }

  @Test
  void pathsStartWithASlash() {
    assertRejected(
        app("noslash", cdn -> cdn.getRules().get(0).setPathPrefix("static/")),
        "pathPrefix must start with '/'");
  }

  @Test
  void edgeTtlWithinMaxTtl() {
    assertRejected(
        app(
            "ttls",
            cdn -> {
              cdn.getDefaults().setEdgeTtl("2d");
              cdn.getDefaults().setMaxTtl("1d");
            }),
        "cdn.defaults.edgeTtl must not exceed cdn.defaults.maxTtl");
  }

  @Test
  void headerNamesStartWithALetter() {
    assertRejected(
        app("header", cdn -> cdn.getRules().get(0).setBypassOnHeaders(List.of("1x"))),
        "bypassOnHeaders must be header names");
  }

  @Test
  void tagsPurgeNeedsTags() {
    assertRejected(
        app("tags", cdn -> cdn.getPurge().setMode(PurgeSpec.Mode.tags)),
        "cdn.purge.tags is required when cdn.purge.mode is tags");
  }

  @Test
  void cloudflareNeedsItsSettingsAndHosts() {
    assertRejected(
        app(
            "cfnosettings",
            cdn -> {
              cdn.setProvider(CdnSpec.Provider.cloudflare);
              cdn.setHosts(List.of("shop.example.com"));
            }),
        "cdn.cloudflare (zoneId and credentialsSecretRef) is required when cdn.provider is cloudflare");
    assertRejected(
        app(
            "cfnohosts",
            cdn -> {
              cdn.setProvider(CdnSpec.Provider.cloudflare);
              cdn.setCloudflare(cloudflare("0123456789abcdef0123456789abcdef"));
            }),
        "cdn.hosts is required when cdn.provider is cloudflare");
  }

  @Test
  void zoneIdIs32Hex() {
    assertRejected(
        app(
            "zone",
            cdn -> {
              cdn.setProvider(CdnSpec.Provider.cloudflare);
              cdn.setHosts(List.of("shop.example.com"));
              cdn.setCloudflare(cloudflare("not-a-zone"));
            }),
        "spec.cdn.cloudflare.zoneId");
  }

  @Test
  void cloudflareSettingsOnlyWithCloudflare() {
    assertRejected(
        app(
            "cfonvarnish",
            cdn -> cdn.setCloudflare(cloudflare("0123456789abcdef0123456789abcdef"))),
        "cdn.cloudflare is only read when cdn.provider is cloudflare");
  }

  @Test
  void varnishAppNamesLeaveRoomForTheEdgeSuffix() {
    assertRejected(
        app("a".repeat(42), cdn -> {}),
        "metadata.name must be at most 41 characters with cdn.provider varnish");
  }

  private static CloudflareSpec cloudflare(String zone) {
    CloudflareSpec cloudflare = new CloudflareSpec();
    cloudflare.setZoneId(zone);
    cloudflare.setCredentialsSecretRef(new SecretKeyRef("cloudflare", "apiToken"));
    return cloudflare;
  }
}
