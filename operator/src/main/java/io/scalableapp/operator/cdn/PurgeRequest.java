package io.scalableapp.operator.cdn;

import io.scalableapp.operator.cdn.CdnPolicy.PurgeMode;
import java.util.List;

/**
 * One purge: what to remove ({@code prefixes}/{@code tags} only for their mode) and why, for
 * status.
 */
public record PurgeRequest(
    PurgeMode mode,
    List<String> hosts,
    List<String> prefixes,
    List<String> tags,
    String tagHeader,
    String reason) {
  public PurgeRequest {
    hosts = List.copyOf(hosts);
    prefixes = List.copyOf(prefixes);
    tags = List.copyOf(tags);
  }

  /** The purge {@code policy} asks for, e.g. after a rollout. */
  public static PurgeRequest of(CdnPolicy policy, String reason) {
    var purge = policy.purge();
    return new PurgeRequest(
        purge.mode(), policy.hosts(), purge.prefixes(), purge.tags(), purge.tagHeader(), reason);
  }
}
