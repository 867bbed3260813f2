package io.scalableapp.operator.cdn;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the app wants from its edge, provider-neutral: built from spec.cdn by {@link CdnPolicies},
 * read by every {@link CdnProvider}. Durations are already parsed; absent optional values are
 * {@link Optional#empty()}.
 */
public record CdnPolicy(
    String provider,
    List<String> hosts,
    CdnDefaults defaults,
    List<CacheRule> rules,
    Optional<Duration> staleWhileRevalidate,
    Optional<Duration> staleIfError,
    PurgePolicy purge) {

  public CdnPolicy {
    hosts = List.copyOf(hosts);
    rules = List.copyOf(rules);
  }

  /** TTLs where no rule decides. */
  public record CdnDefaults(Duration edgeTtl, Duration browserTtl, Duration maxTtl) {}

  /**
   * One ordered rule: the first rule whose {@code match} matches a request's path decides. A
   * request carrying one of the cookies or headers bypasses the cache even though the path matches.
   */
  public record CacheRule(
      String name,
      PathMatch match,
      RuleAction action,
      List<String> bypassOnCookies,
      List<String> bypassOnHeaders) {
    public CacheRule {
      bypassOnCookies = List.copyOf(bypassOnCookies);
      bypassOnHeaders = List.copyOf(bypassOnHeaders);
    }
  }

  /** A path prefix ("/static/") or a glob ("*" within one segment, "**" across segments). */
  public record PathMatch(Kind kind, String pattern) {
    public enum Kind {
      PREFIX,
      GLOB
    }

    public static PathMatch prefix(String prefix) {
      return new PathMatch(Kind.PREFIX, prefix);
    }

    public static PathMatch glob(String glob) {
      return new PathMatch(Kind.GLOB, glob);
    }
  }

  /** CACHE with the edge TTL (already defaulted and capped by maxTtl), or BYPASS (ttl empty). */
  public record RuleAction(Kind kind, Optional<Duration> ttl) {
    public enum Kind {
      CACHE,
      BYPASS
    }

    public static RuleAction cache(Duration ttl) {
      return new RuleAction(Kind.CACHE, Optional.of(ttl));
    }

    public static RuleAction bypass() {
      return new RuleAction(Kind.BYPASS, Optional.empty());
    }
  }

  public enum PurgeMode {
    EVERYTHING,
    PREFIXES,
    TAGS
  }

  /**
   * What a purge removes; {@code onRollout}: purge once after each rollout, when the new pods are
   * ready.
   */
  public record PurgePolicy(
      boolean onRollout,
      PurgeMode mode,
      List<String> prefixes,
      List<String> tags,
      String tagHeader) {
    public PurgePolicy {
      prefixes = List.copyOf(prefixes);
      tags = List.copyOf(tags);
    }
  }
}
