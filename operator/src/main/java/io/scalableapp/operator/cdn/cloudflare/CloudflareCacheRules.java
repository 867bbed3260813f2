package io.scalableapp.operator.cdn.cloudflare;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scalableapp.operator.cdn.CdnPolicy;
import io.scalableapp.operator.cdn.CdnPolicy.CacheRule;
import io.scalableapp.operator.cdn.CdnPolicy.RuleAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The provider-neutral policy as Cloudflare cache rules ({@code set_cache_settings}) for one app.
 *
 * <p>Cloudflare applies every matching cache rule in order, a later rule overriding the settings an
 * earlier one set, whereas the policy's first matching rule decides. So the rules are made
 * exclusive: the first is a catch-all for the app's hosts carrying the defaults, then each policy
 * rule matches its path and none of the earlier rules' paths, and overrides what the catch-all set.
 * A rule's bypass cookies and headers become a second Cloudflare rule that turns caching off for
 * the same paths. Every TTL overrides the origin's Cache-Control, so no edge TTL can exceed
 * defaults.maxTtl (the policy's TTLs are already capped by it).
 *
 * <p>Each rule's {@code ref} starts with {@link #refPrefix}, which is how the operator recognises
 * its own rules among the zone's others.
 */
final class CloudflareCacheRules {
  static final String ACTION = "set_cache_settings";

  private CloudflareCacheRules() {}

  /**
   * The ref prefix of one app's rules: "scalableapp:namespace/name:". The colon ends it, so "ns/a"
   * is not "ns/ab".
   */
  static String refPrefix(String namespace, String name) {
    return "scalableapp:" + namespace + "/" + name + ":";
  }

  static List<ObjectNode> of(String namespace, String name, CdnPolicy policy) {
    String refPrefix = refPrefix(namespace, name);
    String app = namespace + "/" + name;
    String hosts = RulesLanguage.hostIn(policy.hosts());
    List<ObjectNode> rules = new ArrayList<>();
    Duration edgeTtl = policy.defaults().edgeTtl();
    rules.add(
        rule(
            refPrefix + "defaults",
            "ScalableApp "
                + app
                + ": defaults for its hosts ("
                + (edgeTtl.isZero() ? "not cached" : "cached " + edgeTtl.toSeconds() + "s")
                + ")",
            hosts,
            edgeTtl.isZero() ? bypass() : cache(edgeTtl, policy)));
    List<String> earlierPaths = new ArrayList<>();
    for (CacheRule rule : policy.rules()) {
      String path = RulesLanguage.path(rule.match());
      List<String> clauses = new ArrayList<>(List.of(hosts, path));
      if (!earlierPaths.isEmpty()) {
        clauses.add(RulesLanguage.not(RulesLanguage.anyOf(earlierPaths)));
      }
      earlierPaths.add(path);
      String matches = RulesLanguage.allOf(clauses);
      Optional<String> bypassWhen = bypassWhen(rule);
      String ref = refPrefix + "rule:" + rule.name();
      String what = "ScalableApp " + app + ": rule " + rule.name();
      Duration ttl = rule.action().ttl().orElse(Duration.ZERO);
      if (rule.action().kind() == RuleAction.Kind.BYPASS || ttl.isZero()) {
        rules.add(rule(ref, what + " (bypass)", matches, bypass()));
        continue;
      }
      rules.add(
          rule(
              ref,
              what + " (cached " + ttl.toSeconds() + "s)",
              bypassWhen
                  .map(b -> RulesLanguage.allOf(List.of(matches, RulesLanguage.not(b))))
                  .orElse(matches),
              cache(ttl, policy)));
      bypassWhen.ifPresent(
          b ->
              rules.add(
                  rule(
                      ref + ":bypass",
                      what + " (bypass on its cookies and headers)",
                      RulesLanguage.allOf(List.of(matches, b)),
                      bypass())));
    }
    return rules;
  }

  private static Optional<String> bypassWhen(CacheRule rule) {
    List<String> clauses = new ArrayList<>();
    rule.bypassOnCookies().forEach(c -> clauses.add(RulesLanguage.hasCookie(c)));
    rule.bypassOnHeaders().forEach(h -> clauses.add(RulesLanguage.hasHeader(h)));
    return clauses.isEmpty() ? Optional.empty() : Optional.of(RulesLanguage.anyOf(clauses));
  }

  private static ObjectNode rule(
      String ref, String description, String expression, ObjectNode parameters) {
    ObjectNode rule = JsonNodeFactory.instance.objectNode();
    rule.put("ref", ref);
    rule.put("description", description);
    rule.put("expression", expression);
    rule.put("action", ACTION);
    rule.set("action_parameters", parameters);
    rule.put("enabled", true);
    return rule;
  }

  private static ObjectNode cache(Duration edgeTtl, CdnPolicy policy) {
    ObjectNode parameters = JsonNodeFactory.instance.objectNode();
    parameters.put("cache", true);
    ObjectNode edge = parameters.putObject("edge_ttl");
    edge.put("mode", "override_origin");
    edge.put("default", seconds(edgeTtl));
    ObjectNode browser = parameters.putObject("browser_ttl");
    browser.put("mode", "override_origin");
    browser.put("default", seconds(policy.defaults().browserTtl()));
    // Cloudflare's only stale-while-revalidate knob: serve the stale copy while one request
    // refreshes it.
    parameters
        .putObject("serve_stale")
        .put(
            "disable_stale_while_updating",
            policy.staleWhileRevalidate().filter(d -> !d.isZero()).isEmpty());
    return parameters;
  }

  /**
   * Whole seconds as Cloudflare's integer TTLs (the CRD caps TTLs at a year, well within an int).
   */
  private static int seconds(Duration ttl) {
    return Math.toIntExact(ttl.toSeconds());
  }

  private static ObjectNode bypass() {
    ObjectNode parameters = JsonNodeFactory.instance.objectNode();
    parameters.put("cache", false);
    return parameters;
  }
}
