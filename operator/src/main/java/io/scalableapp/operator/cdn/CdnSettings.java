package io.scalableapp.operator.cdn;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * The operator's CDN settings (application.properties, scalableapp.cdn.*).
 *
 * @param varnishPurgeAddresses where BANs go instead of the edge pods' own addresses. Empty (the default): every
 *     ready edge pod, from the edge Service's EndpointSlices. Set it only where the edge pods are not real, e.g. on
 *     a kwok cluster, to a varnishd standing in for them (the tests and `make demo` do).
 * @param purgeAllowedCidrs networks the generated VCL accepts BANs from, besides loopback: where the operator's
 *     pod runs (the cluster's pod network).
 * @param removalAttempts how many times removing an app's configuration at its provider is tried when the app is
 *     deleted, before the finalizer is released anyway and a Warning Event says what was left behind.
 * @param removalBackoff the wait before the second attempt; doubled before each further one.
 * @param resync how often an app's configuration is read back from its provider, so a change made outside the
 *     operator is found and undone.
 */
public record CdnSettings(List<InetSocketAddress> varnishPurgeAddresses, List<String> purgeAllowedCidrs,
    int removalAttempts, Duration removalBackoff, Duration resync) {
  /** RFC 1918 and RFC 4193 private networks: pod networks live there. */
  public static final List<String> PRIVATE_NETWORKS = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
      "fc00::/7");

  public CdnSettings {
    varnishPurgeAddresses = List.copyOf(varnishPurgeAddresses);
    purgeAllowedCidrs = List.copyOf(purgeAllowedCidrs);
    if (removalAttempts < 1) {
      throw new IllegalArgumentException("scalableapp.cdn.removal-attempts must be at least 1");
    }
  }

  public static CdnSettings defaults() {
    return new CdnSettings(List.of(), PRIVATE_NETWORKS, 5, Duration.ofSeconds(2), Duration.ofSeconds(30));
  }

  public CdnSettings withVarnishPurgeAddresses(List<InetSocketAddress> addresses) {
    return new CdnSettings(addresses, purgeAllowedCidrs, removalAttempts, removalBackoff, resync);
  }

  /** Parses "host:port,host:port" (the property's format). */
  public static List<InetSocketAddress> parseAddresses(String text) {
    return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(s -> {
      int colon = s.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("scalableapp.cdn.varnish.purge-addresses: expected host:port, got " + s);
      }
      return InetSocketAddress.createUnresolved(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
    }).toList();
  }
}
