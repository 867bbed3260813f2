package io.scalableapp.operator.cdn.varnish;

/**
 * Where the edge fetches from (the app's Service), the path its health probe asks for (the app's
 * readiness path: stale-if-error needs Varnish to know the app is down), and the file with the
 * purge token the VCL includes.
 */
public record VclBackend(String host, int port, String healthPath, String purgeTokenFile) {
  /** Where the edge pods mount their purge Secret's VCL. */
  public static final String EDGE_PURGE_TOKEN_FILE = "/etc/varnish/purge/token.vcl";

  public VclBackend(String host, int port, String healthPath) {
    this(host, port, healthPath, EDGE_PURGE_TOKEN_FILE);
  }
}
