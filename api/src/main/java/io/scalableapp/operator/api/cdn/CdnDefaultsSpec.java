package io.scalableapp.operator.api.cdn;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.scalableapp.operator.api.DurationCel;

@ValidationRule(
    value =
        "!self.edgeTtl"
            + DurationCel.READABLE
            + " || !self.maxTtl"
            + DurationCel.READABLE
            + " || self.edgeTtl"
            + DurationCel.IN_SECONDS
            + " <= self.maxTtl"
            + DurationCel.IN_SECONDS,
    message = "cdn.defaults.edgeTtl must not exceed cdn.defaults.maxTtl")
public class CdnDefaultsSpec {
  /** A year: the longest TTL browsers and CDNs honour in practice. */
  public static final long MAX_TTL_SECONDS = 365 * DurationCel.DAY;

  static final String TTL_RANGE = " || self" + DurationCel.IN_SECONDS + " <= " + MAX_TTL_SECONDS;

  @JsonPropertyDescription(
      "How long the edge keeps a response no rule matches, and a cache rule without its own ttl, "
          + "e.g. 5m. 0s: not cached unless a rule says so.")
  @Default("5m")
  @Pattern(DurationCel.PATTERN)
  @Size(max = DurationCel.MAX_LENGTH)
  @ValidationRule(
      value = "!self" + DurationCel.READABLE + TTL_RANGE,
      message = "cdn.defaults.edgeTtl must be at most 365d")
  private String edgeTtl = "5m";

  @JsonPropertyDescription(
      "Cache-Control max-age the edge sends to browsers for cached responses, e.g. 1m. 0s: "
          + "browsers revalidate every time (the edge still caches).")
  @Default("0s")
  @Pattern(DurationCel.PATTERN)
  @Size(max = DurationCel.MAX_LENGTH)
  @ValidationRule(
      value = "!self" + DurationCel.READABLE + TTL_RANGE,
      message = "cdn.defaults.browserTtl must be at most 365d")
  private String browserTtl = "0s";

  @JsonPropertyDescription(
      "Upper bound on any edge TTL, whether from a rule or from the app's own Cache-Control, "
          + "e.g. 1d.")
  @Default("1d")
  @Pattern(DurationCel.PATTERN)
  @Size(max = DurationCel.MAX_LENGTH)
  @ValidationRule(
      value = "!self" + DurationCel.READABLE + TTL_RANGE,
      message = "cdn.defaults.maxTtl must be at most 365d")
  private String maxTtl = "1d";

  public String getEdgeTtl() {
    return edgeTtl;
  }

  public void setEdgeTtl(String edgeTtl) {
    this.edgeTtl = edgeTtl;
  }

  public String getBrowserTtl() {
    return browserTtl;
  }

  public void setBrowserTtl(String browserTtl) {
    this.browserTtl = browserTtl;
  }

  public String getMaxTtl() {
    return maxTtl;
  }

  public void setMaxTtl(String maxTtl) {
    this.maxTtl = maxTtl;
  }
}
