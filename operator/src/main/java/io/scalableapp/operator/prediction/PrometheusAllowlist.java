package io.scalableapp.operator.prediction;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The Prometheus servers an app may name in spec.prediction.prometheusUrl, as the platform team
 * configured them ({@code scalableapp.prediction.prometheus-allowlist}): without it, any app author
 * could make the operator send requests from its network position to any address. The operator's
 * default is always allowed; an empty list allows nothing else. An entry allows its scheme, host
 * and port, and every path under its own.
 */
public record PrometheusAllowlist(List<URI> entries) {
  public static final String SETTING = "scalableapp.prediction.prometheus-allowlist";

  public PrometheusAllowlist {
    entries = List.copyOf(entries);
    for (URI entry : entries) {
      if (entry.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            SETTING
                + " entries must not carry credentials (user:password@), got one for host "
                + entry.getHost());
      }
      if (entry.getHost() == null
          || !("http".equalsIgnoreCase(entry.getScheme())
              || "https".equalsIgnoreCase(entry.getScheme()))) {
        throw new IllegalArgumentException(
            SETTING + " takes http(s) URLs with a host, got " + entry);
      }
    }
  }

  public static PrometheusAllowlist none() {
    return new PrometheusAllowlist(List.of());
  }

  /** Whether {@code url} is {@code defaultUrl}'s server or under an entry. */
  public boolean permits(URI url, URI defaultUrl) {
    return covers(defaultUrl, url) || entries.stream().anyMatch(e -> covers(e, url));
  }

  private static boolean covers(URI entry, URI url) {
    if (url.getHost() == null
        || url.getRawUserInfo() != null
        || !entry.getScheme().equalsIgnoreCase(url.getScheme())
        || !entry.getHost().equalsIgnoreCase(url.getHost())
        || port(entry) != port(url)) {
      return false;
    }
    String base =
        entry.normalize().getPath() == null
            ? ""
            : entry.normalize().getPath().replaceAll("/+$", "");
    String path = url.normalize().getPath() == null ? "" : url.normalize().getPath();
    return base.isEmpty() || path.equals(base) || path.startsWith(base + "/");
  }

  private static int port(URI u) {
    return u.getPort() != -1
        ? u.getPort()
        : "https".equals(u.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
  }
}
