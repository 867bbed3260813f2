package io.scalableapp.engine.replay.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * The pods of one Deployment. A pod created at {@code t} is ready at {@code t + startupDelay}.
 * Scaling down deletes the newest pods first, which is what the ReplicaSet controller does:
 * not-ready pods go before ready ones, and among ready pods the most recently ready go first.
 * Because every pod has the same startup delay, creation order equals readiness order, so "newest
 * first" covers both rules.
 */
public final class PodPool {

  private final Duration startupDelay;

  /** Ready times in epoch seconds, oldest pod first. */
  private long[] readyAt = new long[64];

  private int size;

  public PodPool(Duration startupDelay) {
    this.startupDelay = startupDelay;
  }

  /** Pods that are already running and ready at {@code now} (used to seed a simulation). */
  public void startReady(int count, Instant now) {
    for (int i = 0; i < count; i++) {
      add(now.getEpochSecond());
    }
  }

  public void scaleTo(int replicas, Instant now) {
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must not be negative");
    }
    long ready = now.plus(startupDelay).getEpochSecond();
    while (size < replicas) {
      add(ready);
    }
    size = Math.min(size, replicas);
  }

  public int size() {
    return size;
  }

  public int ready(Instant now) {
    long t = now.getEpochSecond();
    int n = 0;
    // Ready times ascend, so count from the oldest until the first pod that is still starting.
    while (n < size && readyAt[n] <= t) {
      n++;
    }
    return n;
  }

  public int unready(Instant now) {
    return size - ready(now);
  }

  private void add(long readyEpochSecond) {
    if (size == readyAt.length) {
      readyAt = java.util.Arrays.copyOf(readyAt, size * 2);
    }
    readyAt[size++] = readyEpochSecond;
  }
}
