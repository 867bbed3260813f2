package io.scalableapp.operator.cdn.cloudflare;

import io.scalableapp.operator.cdn.CdnProviderException;
import io.scalableapp.operator.cdn.StripedLocks;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A zone's entry point ruleset is read, changed and written whole: one app at a time per zone, or
 * one loses. Each lock is waited for with a bound, so a stuck call can never stop a zone for good.
 */
final class ZoneLocks {
  static final int STRIPES = 64;
  private final StripedLocks locks;

  ZoneLocks(Duration maxWait) {
    this.locks =
        new StripedLocks(
            STRIPES,
            maxWait,
            zoneId ->
                new CdnProviderException(
                    "ProviderBusy",
                    "another app's change to Cloudflare zone "
                        + zoneId
                        + " took longer than "
                        + maxWait.toSeconds()
                        + "s; retrying"));
  }

  /**
   * Runs {@code work} holding the zone's lock; ProviderBusy when it cannot be had within the bound.
   */
  <T> T inZone(String zoneId, Supplier<T> work) {
    return locks.holding(zoneId, work);
  }
}
