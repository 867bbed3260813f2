package io.scalableapp.operator.cdn.varnish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.operator.api.cdn.CacheRuleSpec;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.cdn.CdnPolicies;
import io.scalableapp.operator.cdn.CdnPolicy;
import io.scalableapp.operator.cdn.CdnPolicy.PathMatch;
import io.scalableapp.operator.cdn.CdnPolicy.PurgeMode;
import io.scalableapp.operator.cdn.PurgeRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generator's text, without Varnish (VclCompileIT and VarnishEdgeIT run it in a real varnishd).
 */
class VclGeneratorTest {
  private static boolean matches(PathMatch match, String url) {
    return Pattern.compile(VclGenerator.pathRegex(match)).matcher(url).find();
  }

  @Test
  void aGlobStarStaysWithinASegmentAndADoubleStarCrossesSegments() {
    PathMatch oneSegment = PathMatch.glob("/assets/*.css");
    assertThat(matches(oneSegment, "/assets/app.css")).isTrue();
    assertThat(matches(oneSegment, "/assets/app.css?v=3")).isTrue();
    assertThat(matches(oneSegment, "/assets/dark/app.css")).isFalse();
    assertThat(matches(oneSegment, "/assets/app.cssx")).isFalse();
    assertThat(matches(oneSegment, "/assets/appXcss")).as("the dot is literal").isFalse();
    PathMatch anyDepth = PathMatch.glob("/assets/**.css");
    assertThat(matches(anyDepth, "/assets/dark/app.css")).isTrue();
    assertThat(matches(anyDepth, "/other/app.css")).isFalse();
  }

  @Test
  void aPrefixMatchesTheStartOfThePathLiterally() {
    PathMatch prefix = PathMatch.prefix("/v1.0/");
    assertThat(matches(prefix, "/v1.0/items")).isTrue();
    assertThat(matches(prefix, "/v1x0/items")).isFalse();
    assertThat(matches(prefix, "/api/v1.0/")).isFalse();
  }

  @Test
  void literalRegexEscapesEveryCharacterThatMeansSomethingInARegex() {
    String special = "a.b+c$d^e]f\\g|h(i)j?k*l{m}";
    assertThat(
            Pattern.compile("^" + VclGenerator.literalRegex(special) + "$")
                .matcher(special)
                .matches())
        .isTrue();
    assertThatThrownBy(() -> VclGenerator.literalRegex("a\"b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theVclCarriesTheRulesInOrderWithTheirTtls() {
    CdnSpec spec = new CdnSpec();
    spec.setProvider(CdnSpec.Provider.varnish);
    CacheRuleSpec api = new CacheRuleSpec();
    api.setName("api");
    api.setPathPrefix("/api/");
    api.setAction(CacheRuleSpec.Action.Bypass);
    CacheRuleSpec statics = new CacheRuleSpec();
    statics.setName("static");
    statics.setPathPrefix("/static/");
    statics.setTtl("1d");
    statics.setBypassOnHeaders(List.of("Authorization"));
    spec.setRules(List.of(api, statics));
    String vcl =
        VclGenerator.generate(
            CdnPolicies.from(spec), new VclBackend("shop.team.svc", 80, "/healthz"));

    assertThat(vcl).startsWith("vcl 4.1;");
    assertThat(vcl.indexOf("# rule api")).isLessThan(vcl.indexOf("# rule static"));
    assertThat(vcl)
        .contains(".host = \"shop.team.svc\";")
        .contains("if (req.http.Authorization) {")
        .contains("set beresp.ttl = 86400s;")
        .doesNotContain(".probe")
        .as("no probe without staleIfError");
    assertThat(vcl).contains("unset req.http.X-Cdn-Rule;").as("a client cannot pick a rule's TTL");
  }

  @Test
  void aBanIsServedOnlyOnThePurgeListenerWithTheTokenAndBansWhatTheSpecSays() {
    CdnSpec spec = varnishPurging(io.scalableapp.operator.api.cdn.PurgeSpec.Mode.prefixes);
    spec.getPurge().setPrefixes(List.of("/static/"));
    String vcl =
        VclGenerator.generate(
            CdnPolicies.from(spec), new VclBackend("shop.team.svc", 80, "/healthz"));

    assertThat(vcl)
        .contains("include \"/etc/varnish/purge/token.vcl\";")
        .contains("if (local.socket == \"purge\") {")
        .contains("call scalableapp_purge_authorize;")
        .contains("std.ban(\"obj.http.x-url ~ ^([/]static[/])\")")
        .doesNotContain("X-Ban-Expression")
        .doesNotContain("client.ip");
    assertThat(vcl.indexOf("unset req.http.X-Purge-Authorized;"))
        .as("a client cannot claim to be authorized")
        .isLessThan(vcl.indexOf("call scalableapp_purge_authorize"));
    assertThat(VclGenerator.purgeTokenVcl("ab".repeat(32)))
        .contains("req.http.X-Purge-Token == \"" + "ab".repeat(32));
  }

  @Test
  void banExpressionsTestOnlyObjectHeaders() {
    PurgeRequest prefixes =
        new PurgeRequest(
            PurgeMode.PREFIXES,
            List.of(),
            List.of("/static/", "/a.b/"),
            List.of(),
            "Cache-Tag",
            "test");
    assertThat(VarnishBans.expression(prefixes))
        .isEqualTo("obj.http.x-url ~ ^([/]static[/]|[/]a[.]b[/])");
    PurgeRequest tags =
        new PurgeRequest(
            PurgeMode.TAGS, List.of(), List.of(), List.of("html"), "Cache-Tag", "test");
    assertThat(VarnishBans.expression(tags)).startsWith("obj.http.Cache-Tag ~ ");
    assertThat(VarnishBans.unsupportedTag(List.of("ok", "no\"pe"))).contains("no\"pe");
  }

  @Test
  void varnishRefusesTagsItCannotBanOn() {
    CdnSpec spec = varnishPurging(io.scalableapp.operator.api.cdn.PurgeSpec.Mode.tags);
    spec.getPurge().setTags(List.of("a^b"));
    CdnPolicy policy = CdnPolicies.from(spec);
    assertThat(new VarnishProvider(java.time.Duration.ofSeconds(5)).unsupported(policy))
        .singleElement()
        .satisfies(u -> assertThat(u.field()).isEqualTo("cdn.purge.tags"));
  }

  private static CdnSpec varnishPurging(io.scalableapp.operator.api.cdn.PurgeSpec.Mode mode) {
    CdnSpec spec = new CdnSpec();
    spec.setProvider(CdnSpec.Provider.varnish);
    spec.getPurge().setMode(mode);
    return spec;
  }
}
