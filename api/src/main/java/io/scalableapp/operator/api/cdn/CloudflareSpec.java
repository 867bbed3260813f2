package io.scalableapp.operator.api.cdn;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

public class CloudflareSpec {
  public static final String DEFAULT_API_BASE_URL = "https://api.cloudflare.com/client/v4";

  @JsonPropertyDescription(
      "Cloudflare zone id (32 lowercase hex characters, on the zone's Overview page).")
  @Required
  @Pattern("^[0-9a-f]{32}$")
  private String zoneId;

  @JsonPropertyDescription(
      "The Secret, in the app's namespace, holding a Cloudflare API token with the permissions "
          + "Zone > Cache Rules > Edit and Zone > Cache Purge > Purge.")
  @Required
  private SecretKeyRef credentialsSecretRef;

  @JsonPropertyDescription("Base URL of the Cloudflare API. Default: " + DEFAULT_API_BASE_URL + ".")
  @Size(max = 2048)
  @ValidationRule(
      value = "self.matches('^https?://[-A-Za-z0-9.:@%_~]+(/[-A-Za-z0-9._~%/]*)?$')",
      message =
          "cdn.cloudflare.apiBaseUrl must be an http or https URL such as https://api.cloudflare.com/client/v4")
  private String apiBaseUrl;

  public String getZoneId() {
    return zoneId;
  }

  public void setZoneId(String zoneId) {
    this.zoneId = zoneId;
  }

  public SecretKeyRef getCredentialsSecretRef() {
    return credentialsSecretRef;
  }

  public void setCredentialsSecretRef(SecretKeyRef ref) {
    this.credentialsSecretRef = ref;
  }

  public String getApiBaseUrl() {
    return apiBaseUrl;
  }

  public void setApiBaseUrl(String apiBaseUrl) {
    this.apiBaseUrl = apiBaseUrl;
  }

  /** The URL the operator calls: the spec's, or Cloudflare's own. */
  public String apiBaseUrlOrDefault() {
    return apiBaseUrl == null ? DEFAULT_API_BASE_URL : apiBaseUrl;
  }

  /**
   * A copy of the settings (status.cdn and the zones annotation keep theirs apart from the spec's).
   */
  public CloudflareSpec copy() {
    CloudflareSpec c = new CloudflareSpec();
    c.setZoneId(zoneId);
    c.setCredentialsSecretRef(credentialsSecretRef);
    c.setApiBaseUrl(apiBaseUrl);
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CloudflareSpec other
        && java.util.Objects.equals(zoneId, other.zoneId)
        && java.util.Objects.equals(credentialsSecretRef, other.credentialsSecretRef)
        && java.util.Objects.equals(apiBaseUrl, other.apiBaseUrl);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(zoneId, credentialsSecretRef, apiBaseUrl);
  }
}
