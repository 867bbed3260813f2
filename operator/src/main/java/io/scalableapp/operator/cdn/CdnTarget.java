package io.scalableapp.operator.cdn;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which app a provider call is for, with the provider settings the operator resolved (a Secret
 * read, edge pod addresses looked up). Only the part for the app's provider is present.
 */
public record CdnTarget(
    String namespace,
    String name,
    String uid,
    Optional<CloudflareAccess> cloudflare,
    Optional<VarnishEdge> varnish) {

  /** "namespace/name", for messages. */
  public String app() {
    return namespace + "/" + name;
  }

  /** A Cloudflare zone and the token to reach it. The token never appears in toString(). */
  public record CloudflareAccess(String zoneId, URI apiBaseUrl, String apiToken) {
    @Override
    public String toString() {
      return "CloudflareAccess[zoneId="
          + zoneId
          + ", apiBaseUrl="
          + apiBaseUrl
          + ", apiToken=<redacted>]";
    }
  }

  /**
   * The Varnish edge: the addresses a BAN must reach (every ready edge pod's purge listener, or the
   * operator's configured override; looked up when asked), the hash of the VCL in the edge's
   * ConfigMap (empty before it exists), and the app's purge token. The token never appears in
   * toString().
   */
  public record VarnishEdge(
      Supplier<List<InetSocketAddress>> purgeAddresses,
      Optional<String> vclHash,
      String purgeToken) {
    @Override
    public String toString() {
      return "VarnishEdge[vclHash=" + vclHash + ", purgeToken=<redacted>]";
    }
  }
}
