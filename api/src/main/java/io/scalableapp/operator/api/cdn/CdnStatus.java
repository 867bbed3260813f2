package io.scalableapp.operator.api.cdn;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** status.cdn: what the operator applied at the edge provider and when it last purged. */
public class CdnStatus {
  @JsonPropertyDescription(
      "The provider the configuration below was applied to. Set while the operator has "
          + "something at a provider to remove when spec.cdn is removed or the app is deleted.")
  private String provider;

  @JsonPropertyDescription(
      "Version of the configuration live at the provider: a hash of the generated Varnish VCL, "
          + "or the Cloudflare ruleset version.")
  private String appliedVersion;

  @JsonPropertyDescription(
      "The app Deployment's revision the edge was last purged for (or first saw), so each "
          + "rollout is purged exactly once.")
  private String purgedRevision;

  @JsonPropertyDescription("The last purge: when, why and the provider's id for it.")
  private PurgeRecord lastPurge;

  @JsonPropertyDescription(
      "The Cloudflare zone and Secret the configuration was applied with, kept so the operator "
          + "can remove it after spec.cdn is removed.")
  private CloudflareSpec cloudflare;

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getAppliedVersion() {
    return appliedVersion;
  }

  public void setAppliedVersion(String appliedVersion) {
    this.appliedVersion = appliedVersion;
  }

  public String getPurgedRevision() {
    return purgedRevision;
  }

  public void setPurgedRevision(String purgedRevision) {
    this.purgedRevision = purgedRevision;
  }

  public CloudflareSpec getCloudflare() {
    return cloudflare;
  }

  public void setCloudflare(CloudflareSpec cloudflare) {
    this.cloudflare = cloudflare;
  }

  public PurgeRecord getLastPurge() {
    return lastPurge;
  }

  public void setLastPurge(PurgeRecord lastPurge) {
    this.lastPurge = lastPurge;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CdnStatus other
        && Objects.equals(provider, other.provider)
        && Objects.equals(appliedVersion, other.appliedVersion)
        && Objects.equals(purgedRevision, other.purgedRevision)
        && Objects.equals(lastPurge, other.lastPurge)
        && Objects.equals(cloudflare, other.cloudflare);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, appliedVersion, purgedRevision, lastPurge, cloudflare);
  }
}
