package io.scalableapp.operator.cdn.varnish;

import java.util.List;

/**
 * Where the edge fetches from (the app's Service), the path its health probe asks for (the app's readiness path:
 * stale-if-error needs Varnish to know the app is down), and the networks allowed to send BANs.
 */
public record VclBackend(String host, int port, String healthPath, List<String> purgeAllowedCidrs) {
  public VclBackend {
    purgeAllowedCidrs = List.copyOf(purgeAllowedCidrs);
  }
}
