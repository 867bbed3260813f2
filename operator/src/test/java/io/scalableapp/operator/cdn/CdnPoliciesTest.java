package io.scalableapp.operator.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.operator.api.cdn.CacheRuleSpec;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.api.cdn.PurgeSpec;
import io.scalableapp.operator.cdn.CdnPolicy.PathMatch;
import io.scalableapp.operator.cdn.CdnPolicy.PurgeMode;
import io.scalableapp.operator.cdn.CdnPolicy.RuleAction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CdnPoliciesTest {
  private static CacheRuleSpec rule(
      String name, String prefix, String glob, CacheRuleSpec.Action action, String ttl) {
    CacheRuleSpec rule = new CacheRuleSpec();
    rule.setName(name);
    rule.setPathPrefix(prefix);
    rule.setPathGlob(glob);
    rule.setAction(action);
    rule.setTtl(ttl);
    return rule;
  }

  @Test
  void rulesKeepTheirOrderAndGetTheirTtlDefaultedAndCapped() {
    CdnSpec spec = new CdnSpec();
    spec.setProvider(CdnSpec.Provider.varnish);
    spec.getDefaults().setEdgeTtl("10m");
    spec.getDefaults().setMaxTtl("1d");
    spec.setRules(
        List.of(
            rule("api", "/api/", null, CacheRuleSpec.Action.Bypass, null),
            rule("css", null, "/a/**.css", CacheRuleSpec.Action.Cache, "30d"),
            rule("html", "/", null, CacheRuleSpec.Action.Cache, null)));
    spec.setStaleIfError("1h");

    CdnPolicy policy = CdnPolicies.from(spec);

    assertThat(policy.rules())
        .extracting(CdnPolicy.CacheRule::name)
        .containsExactly("api", "css", "html");
    assertThat(policy.rules().get(0).action()).isEqualTo(RuleAction.bypass());
    assertThat(policy.rules().get(1).match()).isEqualTo(PathMatch.glob("/a/**.css"));
    assertThat(policy.rules().get(1).action().ttl())
        .as("capped by maxTtl")
        .contains(Duration.ofDays(1));
    assertThat(policy.rules().get(2).action().ttl())
        .as("defaults.edgeTtl")
        .contains(Duration.ofMinutes(10));
    assertThat(policy.staleIfError()).contains(Duration.ofHours(1));
    assertThat(policy.staleWhileRevalidate()).isEqualTo(Optional.empty());
    assertThat(policy.defaults().browserTtl()).isEqualTo(Duration.ZERO);
  }

  @Test
  void purgeSettingsMapToTheNeutralModes() {
    CdnSpec spec = new CdnSpec();
    spec.setProvider(CdnSpec.Provider.cloudflare);
    PurgeSpec purge = new PurgeSpec();
    purge.setMode(PurgeSpec.Mode.tags);
    purge.setTags(List.of("html"));
    purge.setTagHeader("Surrogate-Key");
    spec.setPurge(purge);

    CdnPolicy.PurgePolicy mapped = CdnPolicies.from(spec).purge();

    assertThat(mapped.mode()).isEqualTo(PurgeMode.TAGS);
    assertThat(mapped.tags()).containsExactly("html");
    assertThat(mapped.tagHeader()).isEqualTo("Surrogate-Key");
    assertThat(mapped.onRollout()).isTrue();
    assertThat(CdnPolicies.from(spec).provider()).isEqualTo("cloudflare");
  }

  @Test
  void backoffDoublesFromOneSecondUpToFiveMinutes() {
    assertThat(CdnDependent.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(CdnDependent.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(CdnDependent.backoff(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(CdnDependent.backoff(30)).isEqualTo(Duration.ofMinutes(5));
  }
}
