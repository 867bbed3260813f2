package io.scalableapp.operator.cdn;

import java.util.List;
import java.util.Optional;

/**
 * An edge provider. One implementation per provider; each is wired into the workflow as an external
 * dependent resource, so a new provider is a new class, not a change to the reconciler. Every
 * method may throw {@link CdnProviderException}; none may put a secret in anything it returns or
 * throws.
 */
public interface CdnProvider {
  /** The spec.cdn.provider value this class serves, e.g. "varnish". */
  String name();

  /**
   * The parts of {@code policy} this provider cannot express, each naming its spec field.
   * Non-empty: the operator applies nothing and reports CdnReady=False, reason
   * UnsupportedByProvider; nothing is silently dropped.
   */
  List<Unsupported> unsupported(CdnPolicy policy);

  /** What is live at the provider for this app, or empty when the operator has nothing there. */
  Optional<AppliedCdn> observe(CdnTarget target);

  /** Makes the provider serve {@code policy}, changing only what differs; idempotent. */
  AppliedCdn apply(CdnTarget target, CdnPolicy policy);

  /** Removes cached content as {@code request} says. */
  PurgeResult purge(CdnTarget target, PurgeRequest request);

  /**
   * Deletes what the operator created at the provider for this app; nothing there is not an error.
   */
  void remove(CdnTarget target);

  /** A spec field this provider cannot express, e.g. ("cdn.purge.mode", "tags purges need ..."). */
  record Unsupported(String field, String message) {}
}
