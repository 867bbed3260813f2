package io.scalableapp.operator.cdn;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fixed set of locks, one chosen per key by its hash, so memory does not grow with the keys ever
 * seen (two keys sharing a lock only wait for each other). Every wait has a bound: a stuck holder
 * turns into a retryable {@link CdnProviderException}, never a thread waiting without end.
 */
public final class StripedLocks {
  private final ReentrantLock[] locks;
  private final Duration maxWait;
  private final Function<String, CdnProviderException> busy;

  /**
   * @param busy the failure for a key whose lock was not had within {@code maxWait}
   */
  public StripedLocks(int stripes, Duration maxWait, Function<String, CdnProviderException> busy) {
    this.locks = new ReentrantLock[stripes];
    for (int i = 0; i < stripes; i++) {
      locks[i] = new ReentrantLock();
    }
    this.maxWait = maxWait;
    this.busy = busy;
  }

  /** Runs {@code work} holding {@code key}'s lock. */
  public <T> T holding(String key, Supplier<T> work) {
    ReentrantLock lock = locks[Math.floorMod(key.hashCode(), locks.length)];
    try {
      if (!lock.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw busy.apply(key);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CdnProviderException("ProviderUnreachable", "interrupted while waiting for " + key);
    }
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
