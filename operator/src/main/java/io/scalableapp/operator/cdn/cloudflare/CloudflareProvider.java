package io.scalableapp.operator.cdn.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scalableapp.operator.cdn.AppliedCdn;
import io.scalableapp.operator.cdn.CdnPolicy;
import io.scalableapp.operator.cdn.CdnPolicy.PurgeMode;
import io.scalableapp.operator.cdn.CdnProvider;
import io.scalableapp.operator.cdn.CdnProviderException;
import io.scalableapp.operator.cdn.CdnTarget;
import io.scalableapp.operator.cdn.CdnTarget.CloudflareAccess;
import io.scalableapp.operator.cdn.ConfigHash;
import io.scalableapp.operator.cdn.PurgeRequest;
import io.scalableapp.operator.cdn.PurgeResult;
import io.scalableapp.operator.cdn.cloudflare.CloudflareApi.Ruleset;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Cache rules in the zone's {@code http_request_cache_settings} entry point ruleset, and purges
 * through {@code purge_cache}. The operator owns only the rules whose ref starts with the app's
 * prefix: other rules of the phase (the dashboard's, Terraform's, another app's) are written back
 * unchanged and in their order, the app's rules taking the place of the first of them (or the end).
 * What is live is identified by a hash of the app's rules as read, so a rule edited or deleted
 * outside the operator shows as a different version and the next apply restores it.
 */
public final class CloudflareProvider implements CdnProvider {
  public static final String NAME = "cloudflare";

  /**
   * Cloudflare's limit on values per purge_cache request for tags, hosts and prefixes (below
   * Enterprise).
   */
  static final int PURGE_BATCH = 30;

  private static final String CACHE_TAG_HEADER = "Cache-Tag";
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private final ZoneLocks zoneLocks;
  private final CloudflareApi api;
  private final SharedReads reads;

  /**
   * {@code callTimeout} bounds each Cloudflare exchange; a zone's lock is waited for at most three
   * of them.
   */
  public CloudflareProvider(Duration callTimeout) {
    this(
        CloudflareApi.withDefaultClient(callTimeout),
        callTimeout.multipliedBy(3),
        new SharedReads(SharedReads.DEFAULT_MAX_AGE, Clock.systemUTC()));
  }

  CloudflareProvider(CloudflareApi api, Duration lockWait, SharedReads reads) {
    this.api = api;
    this.zoneLocks = new ZoneLocks(lockWait);
    this.reads = reads;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Unsupported> unsupported(CdnPolicy policy) {
    List<Unsupported> unsupported = new ArrayList<>();
    policy
        .staleIfError()
        .ifPresent(
            d ->
                unsupported.add(
                    new Unsupported(
                        "cdn.staleIfError",
                        "Cloudflare cache rules "
                            + "cannot serve stale content while the app fails (Always Online is a zone-wide setting the operator does not "
                            + "manage); remove staleIfError or use the varnish provider")));
    if (policy.purge().mode() == PurgeMode.TAGS
        && !CACHE_TAG_HEADER.equalsIgnoreCase(policy.purge().tagHeader())) {
      unsupported.add(
          new Unsupported(
              "cdn.purge.tagHeader",
              "Cloudflare reads cache tags only from the Cache-Tag "
                  + "response header, not "
                  + policy.purge().tagHeader()
                  + "; set tagHeader to Cache-Tag"));
    }
    List<String> wildcardHosts = policy.hosts().stream().filter(h -> h.startsWith("*.")).toList();
    if (policy.purge().mode() != PurgeMode.TAGS && !wildcardHosts.isEmpty()) {
      unsupported.add(
          new Unsupported(
              "cdn.hosts",
              "Cloudflare purges by hostname or by host and path prefix, which "
                  + "cannot name the wildcard hosts "
                  + wildcardHosts
                  + " (purging everything would empty the whole zone, "
                  + "other sites included); list the hostnames or use purge mode tags"));
    }
    CloudflareCacheRules.of("namespace", "name", policy).stream()
        .filter(r -> r.get("expression").asText().length() > RulesLanguage.MAX_EXPRESSION_LENGTH)
        .findFirst()
        .ifPresent(
            r ->
                unsupported.add(
                    new Unsupported(
                        "cdn.rules",
                        "the Cloudflare expression for "
                            + r.get("ref")
                                .asText()
                                .substring(
                                    CloudflareCacheRules.refPrefix("namespace", "name").length())
                            + " would exceed Cloudflare's "
                            + RulesLanguage.MAX_EXPRESSION_LENGTH
                            + " characters (each rule "
                            + "excludes the paths of the rules before it, and lists every host); use fewer hosts or rules")));
    return unsupported;
  }

  @Override
  public Optional<AppliedCdn> observe(CdnTarget target) {
    CloudflareAccess zone = access(target);
    Optional<Ruleset> ruleset = read(zone);
    List<ObjectNode> ours = ruleset.map(r -> owned(r.rules(), target)).orElse(List.of());
    if (ours.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(applied(zone, ruleset.get(), ours));
  }

  @Override
  public AppliedCdn apply(CdnTarget target, CdnPolicy policy) {
    List<Unsupported> unsupported = unsupported(policy);
    if (!unsupported.isEmpty()) {
      throw new CdnProviderException(
          "UnsupportedByProvider",
          unsupported.stream()
              .map(u -> u.field() + ": " + u.message())
              .collect(Collectors.joining("; ")));
    }
    CloudflareAccess zone = access(target);
    List<ObjectNode> desired = CloudflareCacheRules.of(target.namespace(), target.name(), policy);
    return zoneLocks.inZone(
        zone.zoneId(),
        () -> {
          // A read shared with the zone's other apps may show that nothing needs writing ...
          Optional<Optional<Ruleset>> shared = reads.fresh(zone);
          if (shared.isPresent()
              && shared.get().isPresent()
              && unchanged(shared.get().get(), target, desired)) {
            return applied(zone, shared.get().get(), owned(shared.get().get().rules(), target));
          }
          // ... but a write starts from a read of its own, so a change made meanwhile elsewhere is
          // kept.
          Optional<Ruleset> current = read(zone);
          if (current.isPresent() && unchanged(current.get(), target, desired)) {
            return applied(zone, current.get(), owned(current.get().rules(), target));
          }
          Ruleset live =
              api.replaceCacheRules(
                  zone, merge(current.map(Ruleset::rules).orElse(List.of()), target, desired));
          reads.remember(zone, Optional.of(live));
          return applied(zone, live, owned(live.rules(), target));
        });
  }

  @Override
  public PurgeResult purge(CdnTarget target, PurgeRequest request) {
    CloudflareAccess zone = access(target);
    List<String> values =
        switch (request.mode()) {
          case EVERYTHING -> request.hosts();
          case PREFIXES ->
              request.hosts().stream()
                  .flatMap(host -> request.prefixes().stream().map(prefix -> host + prefix))
                  .toList();
          case TAGS -> request.tags();
        };
    String field =
        switch (request.mode()) {
          case EVERYTHING -> "hosts";
          case PREFIXES -> "prefixes";
          case TAGS -> "tags";
        };
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (int from = 0; from < values.size(); from += PURGE_BATCH) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      values
          .subList(from, Math.min(values.size(), from + PURGE_BATCH))
          .forEach(body.putArray(field)::add);
      ids.add(api.purge(zone, body));
    }
    String named =
        values.size() <= 5
            ? values.toString()
            : values.subList(0, 5).toString().replace("]", ", ... " + values.size() + " in all]");
    return new PurgeResult(
        String.join(",", ids),
        "Cloudflare purged "
            + field
            + " "
            + named
            + " in zone "
            + zone.zoneId()
            + " ("
            + request.reason()
            + ")");
  }

  @Override
  public void remove(CdnTarget target) {
    CloudflareAccess zone = access(target);
    zoneLocks.inZone(
        zone.zoneId(),
        () -> {
          List<ObjectNode> current = read(zone).map(Ruleset::rules).orElse(List.of());
          if (!owned(current, target).isEmpty()) {
            reads.remember(
                zone, Optional.of(api.replaceCacheRules(zone, merge(current, target, List.of()))));
          }
          return null;
        });
  }

  private Optional<Ruleset> read(CloudflareAccess zone) {
    Optional<Ruleset> ruleset = api.cacheRuleset(zone);
    reads.remember(zone, ruleset);
    return ruleset;
  }

  /**
   * Whether the zone's rules already are what writing the app's {@code desired} rules would make
   * them.
   */
  private static boolean unchanged(Ruleset current, CdnTarget target, List<ObjectNode> desired) {
    return views(merge(current.rules(), target, desired), target)
        .equals(views(current.rules(), target));
  }

  /** The zone's rules with the app's replaced by {@code ours}: others unchanged and in order. */
  static List<ObjectNode> merge(List<ObjectNode> current, CdnTarget target, List<ObjectNode> ours) {
    Map<String, String> idsByRef =
        owned(current, target).stream()
            .filter(r -> r.hasNonNull("id"))
            .collect(
                Collectors.toMap(
                    r -> r.get("ref").asText(), r -> r.get("id").asText(), (a, b) -> a));
    List<ObjectNode> oursWithIds =
        ours.stream()
            .map(
                r -> {
                  ObjectNode copy = r.deepCopy();
                  Optional.ofNullable(idsByRef.get(r.get("ref").asText()))
                      .ifPresent(id -> copy.put("id", id));
                  return copy;
                })
            .toList();
    List<ObjectNode> merged = new ArrayList<>();
    boolean placed = false;
    for (ObjectNode rule : current) {
      if (!isOwned(rule, target)) {
        merged.add(writable(rule));
      } else if (!placed) {
        merged.addAll(oursWithIds);
        placed = true;
      }
    }
    if (!placed) {
      merged.addAll(oursWithIds);
    }
    return merged;
  }

  private static AppliedCdn applied(CloudflareAccess zone, Ruleset ruleset, List<ObjectNode> ours) {
    return new AppliedCdn(
        hash(ours.stream().map(CloudflareProvider::ourView).toList()),
        ours.size()
            + " cache rules in zone "
            + zone.zoneId()
            + " (entry point ruleset version "
            + ruleset.version()
            + ")");
  }

  private static List<ObjectNode> owned(List<ObjectNode> rules, CdnTarget target) {
    return rules.stream().filter(r -> isOwned(r, target)).toList();
  }

  private static boolean isOwned(JsonNode rule, CdnTarget target) {
    return rule.path("ref")
        .asText()
        .startsWith(CloudflareCacheRules.refPrefix(target.namespace(), target.name()));
  }

  /**
   * What decides whether two rule lists behave the same: the app's rules as it writes them, the
   * others as written, in canonical JSON (a number read back as an int equals the long it was
   * written as).
   */
  private static String views(List<ObjectNode> rules, CdnTarget target) {
    return canonical(
        rules.stream().<JsonNode>map(r -> isOwned(r, target) ? ourView(r) : writable(r)).toList());
  }

  /**
   * The fields the operator sets on its rules; what Cloudflare adds (id, version, last_updated)
   * left out.
   */
  private static ObjectNode ourView(JsonNode rule) {
    ObjectNode view = JsonNodeFactory.instance.objectNode();
    for (String field :
        List.of("ref", "description", "expression", "action", "action_parameters")) {
      view.set(field, rule.path(field).deepCopy());
    }
    view.put("enabled", rule.path("enabled").asBoolean(true));
    return view;
  }

  /** A rule as it can be sent back: without the fields Cloudflare sets on each version. */
  private static ObjectNode writable(ObjectNode rule) {
    ObjectNode copy = rule.deepCopy();
    copy.remove(List.of("version", "last_updated"));
    return copy;
  }

  private static String hash(List<ObjectNode> rules) {
    return ConfigHash.of(canonical(rules));
  }

  /**
   * JSON with object keys sorted, so the same rules read back in another key order give the same
   * text.
   */
  private static String canonical(List<? extends JsonNode> rules) {
    try {
      return CANONICAL.writeValueAsString(CANONICAL.convertValue(rules, Object.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write cache rules as JSON", e);
    }
  }

  private static CloudflareAccess access(CdnTarget target) {
    return target
        .cloudflare()
        .orElseThrow(
            () ->
                new CdnProviderException(
                    "CredentialsUnavailable",
                    "No Cloudflare zone and token were resolved for " + target.app()));
  }
}
