package io.scalableapp.operator.cdn.cloudflare;

import io.scalableapp.operator.cdn.CdnProviderException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A zone's entry point ruleset is read, changed and written whole: one app at a time per zone, or
 * one loses. A fixed set of locks, a zone's chosen by its id, so the memory does not grow with the
 * zones ever seen (two zones sharing one only wait for each other); each waited for with a bound,
 * so a stuck call can never stop a zone for good.
 */
final class ZoneLocks {
  static final int STRIPES = 64;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
  private final Duration maxWait;

  ZoneLocks(Duration maxWait) {
    this.maxWait = maxWait;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /**
   * Runs {@code work} holding the zone's lock; ProviderBusy when it cannot be had within the bound.
   */
  <T> T inZone(String zoneId, Supplier<T> work) {
    ReentrantLock lock = locks[Math.floorMod(zoneId.hashCode(), STRIPES)];
    try {
      if (!lock.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new CdnProviderException(
            "ProviderBusy",
            "another app's change to Cloudflare zone "
                + zoneId
                + " took longer than "
                + maxWait.toSeconds()
                + "s; retrying");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CdnProviderException(
          "ProviderUnreachable", "interrupted while waiting for Cloudflare zone " + zoneId);
    }
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
