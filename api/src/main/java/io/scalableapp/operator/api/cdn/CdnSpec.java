package io.scalableapp.operator.api.cdn;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.scalableapp.operator.api.DurationCel;
import java.util.ArrayList;
import java.util.List;

/** spec.cdn: an edge cache in front of the app, configured from the same resource. */
@ValidationRule(
    value = "self.provider == 'cloudflare' || !has(self.cloudflare)",
    message =
        "cdn.cloudflare is only read when cdn.provider is cloudflare: remove it or set provider: cloudflare")
@ValidationRule(
    value = "self.provider != 'cloudflare' || has(self.cloudflare)",
    message =
        "cdn.cloudflare (zoneId and credentialsSecretRef) is required when cdn.provider is cloudflare")
@ValidationRule(
    value = "self.provider == 'varnish' || !has(self.varnish)",
    message =
        "cdn.varnish is only read when cdn.provider is varnish: remove it or set provider: varnish")
@ValidationRule(
    value = "self.provider != 'cloudflare' || (has(self.hosts) && size(self.hosts) > 0)",
    message =
        "cdn.hosts is required when cdn.provider is cloudflare: the cache rules apply to these hostnames only, "
            + "so other sites of the zone are left alone")
@ValidationRule(
    value = "!has(self.rules) || self.rules.all(r, self.rules.exists_one(o, o.name == r.name))",
    message = "cdn.rules names must be unique")
public class CdnSpec {
  public enum Provider {
    varnish,
    cloudflare
  }

  @JsonPropertyDescription(
      "Who serves the edge: varnish (the operator runs a Varnish edge Deployment in front of the "
          + "app's Service) or cloudflare (cache rules and purges in a Cloudflare zone).")
  @Required
  private Provider provider;

  @JsonPropertyDescription(
      "Public hostnames the edge serves for this app, e.g. shop.example.com. Required for "
          + "cloudflare (rules match these hosts only); with varnish, empty means any host.")
  @Size(max = 32)
  @ValidationRule(
      value =
          "self.all(h, h.matches('^(\\\\*[.])?[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?([.][a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$'))",
      message =
          "cdn.hosts must be lowercase DNS names such as shop.example.com, optionally starting with '*.'")
  private List<@Size(max = 253) String> hosts = new ArrayList<>();

  @JsonPropertyDescription("TTLs used where no rule says otherwise.")
  private CdnDefaultsSpec defaults = new CdnDefaultsSpec();

  @JsonPropertyDescription(
      "Cache rules, tried in order; the first rule whose path matches decides. A request no rule "
          + "matches is cached for defaults.edgeTtl.")
  @Size(max = 50)
  private List<CacheRuleSpec> rules = new ArrayList<>();

  @JsonPropertyDescription(
      "How long the edge may serve an expired object while it fetches a fresh one in the "
          + "background, e.g. 30s. Unset: no stale serving while revalidating.")
  @Pattern(DurationCel.PATTERN)
  @Size(max = DurationCel.MAX_LENGTH)
  @ValidationRule(
      value =
          "!self"
              + DurationCel.READABLE
              + " || self"
              + DurationCel.IN_SECONDS
              + " <= "
              + CdnDefaultsSpec.MAX_TTL_SECONDS,
      message = "cdn.staleWhileRevalidate must be at most 365d")
  private String staleWhileRevalidate;

  @JsonPropertyDescription(
      "How long the edge may serve an expired object while the app fails (errors or is "
          + "unreachable), e.g. 1h. Unset: errors reach the client.")
  @Pattern(DurationCel.PATTERN)
  @Size(max = DurationCel.MAX_LENGTH)
  @ValidationRule(
      value =
          "!self"
              + DurationCel.READABLE
              + " || self"
              + DurationCel.IN_SECONDS
              + " <= "
              + CdnDefaultsSpec.MAX_TTL_SECONDS,
      message = "cdn.staleIfError must be at most 365d")
  private String staleIfError;

  @JsonPropertyDescription("What the operator purges from the edge, and when.")
  private PurgeSpec purge = new PurgeSpec();

  @JsonPropertyDescription(
      "Settings of the varnish provider: the edge Deployment's image and replicas.")
  private VarnishSpec varnish;

  @JsonPropertyDescription(
      "Settings of the cloudflare provider: the zone and the Secret holding the API token.")
  private CloudflareSpec cloudflare;

  public Provider getProvider() {
    return provider;
  }

  public void setProvider(Provider provider) {
    this.provider = provider;
  }

  public List<String> getHosts() {
    return hosts;
  }

  public void setHosts(List<String> hosts) {
    this.hosts = hosts;
  }

  public CdnDefaultsSpec getDefaults() {
    return defaults;
  }

  public void setDefaults(CdnDefaultsSpec defaults) {
    this.defaults = defaults;
  }

  public List<CacheRuleSpec> getRules() {
    return rules;
  }

  public void setRules(List<CacheRuleSpec> rules) {
    this.rules = rules;
  }

  public String getStaleWhileRevalidate() {
    return staleWhileRevalidate;
  }

  public void setStaleWhileRevalidate(String value) {
    this.staleWhileRevalidate = value;
  }

  public String getStaleIfError() {
    return staleIfError;
  }

  public void setStaleIfError(String staleIfError) {
    this.staleIfError = staleIfError;
  }

  public PurgeSpec getPurge() {
    return purge;
  }

  public void setPurge(PurgeSpec purge) {
    this.purge = purge;
  }

  public VarnishSpec getVarnish() {
    return varnish;
  }

  public void setVarnish(VarnishSpec varnish) {
    this.varnish = varnish;
  }

  public CloudflareSpec getCloudflare() {
    return cloudflare;
  }

  public void setCloudflare(CloudflareSpec cloudflare) {
    this.cloudflare = cloudflare;
  }
}
