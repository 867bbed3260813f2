package io.scalableapp.operator.cdn;

import io.scalableapp.engine.text.DurationText;
import io.scalableapp.operator.api.cdn.CacheRuleSpec;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.api.cdn.PurgeSpec;
import io.scalableapp.operator.cdn.CdnPolicy.CacheRule;
import io.scalableapp.operator.cdn.CdnPolicy.CdnDefaults;
import io.scalableapp.operator.cdn.CdnPolicy.PathMatch;
import io.scalableapp.operator.cdn.CdnPolicy.PurgeMode;
import io.scalableapp.operator.cdn.CdnPolicy.PurgePolicy;
import io.scalableapp.operator.cdn.CdnPolicy.RuleAction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one mapping from spec.cdn (validated by the API server) to the provider-neutral {@link
 * CdnPolicy}.
 */
public final class CdnPolicies {
  private CdnPolicies() {}

  public static CdnPolicy from(CdnSpec spec) {
    var defaultsSpec = spec.getDefaults();
    var defaults =
        new CdnDefaults(
            DurationText.parse(defaultsSpec.getEdgeTtl()),
            DurationText.parse(defaultsSpec.getBrowserTtl()),
            DurationText.parse(defaultsSpec.getMaxTtl()));
    List<CacheRule> rules = spec.getRules().stream().map(r -> rule(r, defaults)).toList();
    return new CdnPolicy(
        spec.getProvider().name(),
        spec.getHosts(),
        defaults,
        rules,
        optionalDuration(spec.getStaleWhileRevalidate()),
        optionalDuration(spec.getStaleIfError()),
        purge(spec.getPurge()));
  }

  private static CacheRule rule(CacheRuleSpec spec, CdnDefaults defaults) {
    PathMatch match =
        spec.getPathPrefix() != null
            ? PathMatch.prefix(spec.getPathPrefix())
            : PathMatch.glob(spec.getPathGlob());
    RuleAction action =
        spec.getAction() == CacheRuleSpec.Action.Bypass
            ? RuleAction.bypass()
            : RuleAction.cache(
                min(optionalDuration(spec.getTtl()).orElse(defaults.edgeTtl()), defaults.maxTtl()));
    return new CacheRule(
        spec.getName(), match, action, spec.getBypassOnCookies(), spec.getBypassOnHeaders());
  }

  private static PurgePolicy purge(PurgeSpec spec) {
    PurgeMode mode =
        switch (spec.getMode()) {
          case everything -> PurgeMode.EVERYTHING;
          case prefixes -> PurgeMode.PREFIXES;
          case tags -> PurgeMode.TAGS;
        };
    return new PurgePolicy(
        spec.isOnRollout(), mode, spec.getPrefixes(), spec.getTags(), spec.getTagHeader());
  }

  private static Optional<Duration> optionalDuration(String text) {
    return Optional.ofNullable(text).map(DurationText::parse);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
