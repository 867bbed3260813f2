package io.scalableapp.operator.cdn;

import io.scalableapp.operator.api.cdn.CloudflareSpec;
import io.scalableapp.operator.cdn.varnish.EdgePurgeTokens;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The operator's CDN settings (scalableapp.cdn.*, read by {@code CdnConfig}).
 *
 * @param varnishPurgeAddresses where BANs go instead of the edge pods' own purge listeners. Empty
 *     (the default): every ready edge pod, from the edge Service's EndpointSlices. Set it only
 *     where the edge pods are not real, e.g. on a kwok cluster, to a varnishd standing in for them
 *     (the tests and `make demo` do).
 * @param purgeTokens the per-app tokens the edge accepts BANs with, derived from the operator's
 *     purge key.
 * @param cloudflareApiBaseUrls the spec.cdn.cloudflare.apiBaseUrl values apps may name besides
 *     Cloudflare's own (a platform team's proxy, a test stand-in). Empty: only {@link
 *     CloudflareSpec#DEFAULT_API_BASE_URL}.
 * @param callTimeout the deadline for one whole exchange with a provider (a Cloudflare call, a
 *     BAN), body included.
 * @param removalAttempts how many times removing an app's configuration at its provider is tried
 *     when the app is deleted, before the finalizer is released anyway and a Warning Event says
 *     what was left behind.
 * @param removalBackoff the wait before the second attempt; doubled before each further one.
 * @param resync how often an app's configuration is read back from its provider, so a change made
 *     outside the operator is found and undone.
 */
public record CdnSettings(
    List<InetSocketAddress> varnishPurgeAddresses,
    EdgePurgeTokens purgeTokens,
    List<String> cloudflareApiBaseUrls,
    Duration callTimeout,
    int removalAttempts,
    Duration removalBackoff,
    Duration resync) {
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(15);

  public CdnSettings {
    varnishPurgeAddresses = List.copyOf(varnishPurgeAddresses);
    cloudflareApiBaseUrls = cloudflareApiBaseUrls.stream().map(CdnSettings::normalised).toList();
    if (removalAttempts < 1) {
      throw new IllegalArgumentException("scalableapp.cdn.removal-attempts must be at least 1");
    }
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("scalableapp.cdn.call-timeout must be positive");
    }
  }

  public static CdnSettings defaults() {
    return new CdnSettings(
        List.of(),
        EdgePurgeTokens.random(),
        List.of(),
        DEFAULT_CALL_TIMEOUT,
        5,
        Duration.ofSeconds(2),
        Duration.ofSeconds(30));
  }

  public CdnSettings withVarnishPurgeAddresses(List<InetSocketAddress> addresses) {
    return new CdnSettings(
        addresses,
        purgeTokens,
        cloudflareApiBaseUrls,
        callTimeout,
        removalAttempts,
        removalBackoff,
        resync);
  }

  public CdnSettings withCloudflareApiBaseUrls(List<String> urls) {
    return new CdnSettings(
        varnishPurgeAddresses,
        purgeTokens,
        urls,
        callTimeout,
        removalAttempts,
        removalBackoff,
        resync);
  }

  public CdnSettings withCallTimeout(Duration timeout) {
    return new CdnSettings(
        varnishPurgeAddresses,
        purgeTokens,
        cloudflareApiBaseUrls,
        timeout,
        removalAttempts,
        removalBackoff,
        resync);
  }

  /**
   * Whether the operator may call {@code apiBaseUrl}: Cloudflare's own, or one the operator's
   * allowlist names.
   */
  public boolean cloudflareApiAllowed(String apiBaseUrl) {
    String url = normalised(apiBaseUrl);
    return url.equals(normalised(CloudflareSpec.DEFAULT_API_BASE_URL))
        || cloudflareApiBaseUrls.contains(url);
  }

  /**
   * Scheme and host in lower case, no trailing slash: the form allowlist entries are compared in.
   */
  static String normalised(String url) {
    URI uri = URI.create(url.strip().replaceAll("/+$", ""));
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String authority =
        uri.getRawAuthority() == null ? "" : uri.getRawAuthority().toLowerCase(Locale.ROOT);
    return scheme + "://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /** Parses "host:port,host:port" (the property's format). */
  public static List<InetSocketAddress> parseAddresses(String text) {
    return java.util.Arrays.stream(text.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(
            s -> {
              int colon = s.lastIndexOf(':');
              if (colon <= 0) {
                throw new IllegalArgumentException(
                    "scalableapp.cdn.varnish.purge-addresses: expected host:port, got " + s);
              }
              return InetSocketAddress.createUnresolved(
                  s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
            })
        .toList();
  }
}
