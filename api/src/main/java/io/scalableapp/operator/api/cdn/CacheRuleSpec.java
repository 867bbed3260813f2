package io.scalableapp.operator.api.cdn;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.scalableapp.operator.api.DurationCel;
import java.util.ArrayList;
import java.util.List;

@ValidationRule(
    value = "has(self.pathPrefix) != has(self.pathGlob)",
    message =
        "a cdn rule needs exactly one of pathPrefix (e.g. /static/) and pathGlob (e.g. /assets/*.css)")
@ValidationRule(
    value = "self.action == 'Cache' || !has(self.ttl)",
    message = "a cdn rule's ttl is only read with action Cache; a Bypass rule never caches")
public class CacheRuleSpec {
  public enum Action {
    Cache,
    Bypass
  }

  /** Characters of a URL path that need no quoting in VCL regexes or Cloudflare expressions. */
  static final String PATH_CHARS = "[-A-Za-z0-9._~/%@:+,;=!$]";

  @JsonPropertyDescription(
      "Name of the rule, unique within cdn.rules; shown in the generated configuration and in "
          + "UnsupportedByProvider messages.")
  @Required
  @Size(max = 63)
  @Pattern("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
  private String name;

  @JsonPropertyDescription("The rule matches request paths starting with this, e.g. /static/.")
  @Size(min = 1, max = 256)
  @ValidationRule(
      value = "self.matches('^/" + PATH_CHARS + "*$')",
      message =
          "pathPrefix must start with '/' and contain only URL path characters (letters, digits, -._~/%@:+,;=!$)")
  private String pathPrefix;

  @JsonPropertyDescription(
      "The rule matches request paths matching this glob: '*' matches within one path segment, "
          + "'**' across segments, e.g. /assets/**.css.")
  @Size(min = 1, max = 256)
  @ValidationRule(
      value = "self.matches('^/(" + PATH_CHARS + "|[*])*$')",
      message = "pathGlob must start with '/' and contain only URL path characters and '*'")
  @ValidationRule(
      value = "!self.contains('***')",
      message = "pathGlob may use '*' or '**', not three stars in a row")
  private String pathGlob;

  @JsonPropertyDescription(
      "Cache: the edge keeps the response for ttl. Bypass: the request always goes to the app "
          + "and the response is never stored.")
  @Default("Cache")
  private Action action = Action.Cache;

  @JsonPropertyDescription(
      "How long the edge keeps responses this rule matches (action Cache), e.g. 1d. "
          + "Default: cdn.defaults.edgeTtl. Capped by cdn.defaults.maxTtl.")
  @Pattern(DurationCel.PATTERN)
  @Size(max = DurationCel.MAX_LENGTH)
  @ValidationRule(
      value = "!self" + DurationCel.READABLE + CdnDefaultsSpec.TTL_RANGE,
      message = "a cdn rule's ttl must be at most 365d")
  private String ttl;

  @JsonPropertyDescription(
      "Requests carrying any of these cookies bypass the cache even though the path matches, "
          + "e.g. sessionid.")
  @Size(max = 16)
  @ValidationRule(
      value = "self.all(c, c.matches('^[A-Za-z0-9!#$%&*+.^_`|~-]{1,64}$'))",
      message =
          "bypassOnCookies must be cookie names (letters, digits and !#$%&*+.^_`|~-, at most 64 characters)")
  private List<@Size(max = 64) String> bypassOnCookies = new ArrayList<>();

  @JsonPropertyDescription(
      "Requests carrying any of these headers bypass the cache even though the path matches, "
          + "e.g. Authorization.")
  @Size(max = 16)
  @ValidationRule(
      value = "self.all(h, h.matches('^[A-Za-z][A-Za-z0-9-]{0,63}$'))",
      message =
          "bypassOnHeaders must be header names: a letter, then letters, digits and '-' (at most 64 characters)")
  private List<@Size(max = 64) String> bypassOnHeaders = new ArrayList<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPathPrefix() {
    return pathPrefix;
  }

  public void setPathPrefix(String pathPrefix) {
    this.pathPrefix = pathPrefix;
  }

  public String getPathGlob() {
    return pathGlob;
  }

  public void setPathGlob(String pathGlob) {
    this.pathGlob = pathGlob;
  }

  public Action getAction() {
    return action;
  }

  public void setAction(Action action) {
    this.action = action;
  }

  public String getTtl() {
    return ttl;
  }

  public void setTtl(String ttl) {
    this.ttl = ttl;
  }

  public List<String> getBypassOnCookies() {
    return bypassOnCookies;
  }

  public void setBypassOnCookies(List<String> bypassOnCookies) {
    this.bypassOnCookies = bypassOnCookies;
  }

  public List<String> getBypassOnHeaders() {
    return bypassOnHeaders;
  }

  public void setBypassOnHeaders(List<String> bypassOnHeaders) {
    this.bypassOnHeaders = bypassOnHeaders;
  }
}
