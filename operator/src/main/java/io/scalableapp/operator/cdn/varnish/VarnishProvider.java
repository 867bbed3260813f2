package io.scalableapp.operator.cdn.varnish;

import io.scalableapp.operator.cdn.AppliedCdn;
import io.scalableapp.operator.cdn.CdnPolicy;
import io.scalableapp.operator.cdn.CdnPolicy.PurgeMode;
import io.scalableapp.operator.cdn.CdnProvider;
import io.scalableapp.operator.cdn.CdnProviderException;
import io.scalableapp.operator.cdn.CdnTarget;
import io.scalableapp.operator.cdn.PurgeRequest;
import io.scalableapp.operator.cdn.PurgeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The self-hosted edge. Its configuration lives in Kubernetes objects the workflow keeps (the
 * edge's ConfigMap, Deployment, Service and HPA, owned by the app and garbage-collected with it),
 * so apply and observe report the VCL those objects carry, and remove has nothing outside the
 * cluster to delete. Purges are BANs sent to every edge pod's purge listener with the app's purge
 * token.
 */
public class VarnishProvider implements CdnProvider {
  public static final String NAME = "varnish";
  private final VarnishBanClient bans;

  public VarnishProvider(VarnishBanClient bans) {
    this.bans = bans;
  }

  public VarnishProvider(java.time.Duration callTimeout) {
    this(new VarnishBanClient(callTimeout));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Unsupported> unsupported(CdnPolicy policy) {
    List<Unsupported> unsupported = new ArrayList<>();
    if (policy.purge().mode() == PurgeMode.TAGS) {
      VarnishBans.unsupportedTag(policy.purge().tags())
          .ifPresent(
              tag ->
                  unsupported.add(
                      new Unsupported(
                          "cdn.purge.tags",
                          "varnish bans on tags without the characters \" \\ ^ ] (tag \""
                              + tag
                              + "\")")));
    }
    return unsupported;
  }

  @Override
  public Optional<AppliedCdn> observe(CdnTarget target) {
    return edge(target)
        .vclHash()
        .map(hash -> new AppliedCdn(hash, "VCL " + hash + " in the edge's ConfigMap"));
  }

  /**
   * The workflow has already applied the edge's ConfigMap; this reports what the edge pods load
   * from it.
   */
  @Override
  public AppliedCdn apply(CdnTarget target, CdnPolicy policy) {
    return observe(target)
        .orElseThrow(
            () ->
                new CdnProviderException(
                    "EdgeNotReady",
                    "the edge's ConfigMap with the generated VCL does not exist yet"));
  }

  @Override
  public PurgeResult purge(CdnTarget target, PurgeRequest request) {
    // For the record only: the edge's VCL bans what the app's spec.cdn.purge says, never an
    // expression it is sent.
    String expression = VarnishBans.expression(request);
    CdnTarget.VarnishEdge edge = edge(target);
    int reached = bans.ban(edge.purgeAddresses().get(), edge.purgeToken());
    return new PurgeResult(
        "ban " + expression, "BAN to " + reached + " edge pod" + (reached == 1 ? "" : "s"));
  }

  @Override
  public void remove(CdnTarget target) {
    // Nothing outside the cluster: the edge's objects are the app's children and go with it.
  }

  private static CdnTarget.VarnishEdge edge(CdnTarget target) {
    return target
        .varnish()
        .orElseThrow(() -> new IllegalStateException("no varnish edge in " + target.app()));
  }
}
