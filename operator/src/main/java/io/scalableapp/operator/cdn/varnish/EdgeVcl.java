package io.scalableapp.operator.cdn.varnish;

import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.cdn.CdnPolicies;
import io.scalableapp.operator.cdn.ConfigHash;

/** The VCL an app's edge runs: the app's spec.cdn, with the app's Service as the backend. */
public final class EdgeVcl {
  private EdgeVcl() {}

  public static String of(ScalableApp app) {
    var spec = app.getSpec();
    var readiness = spec.getProbes() == null ? null : spec.getProbes().getReadiness();
    String healthPath =
        readiness == null || readiness.getPath() == null ? "/" : readiness.getPath();
    // The Service's DNS name, resolved by varnishd in the edge pod when it loads the VCL.
    String backendHost =
        app.getMetadata().getName() + "." + app.getMetadata().getNamespace() + ".svc";
    return VclGenerator.generate(
        CdnPolicies.from(spec.getCdn()),
        new VclBackend(backendHost, spec.getService().getPort(), healthPath));
  }

  /**
   * Short hash of a VCL text: the applied version in status, and the edge pods' restart trigger.
   */
  public static String hash(String vcl) {
    return ConfigHash.of(vcl);
  }
}
