package io.scalableapp.engine.replay.hpa;

/**
 * What the metrics pipeline shows the HPA at one sync: how many pods are ready and not ready, and
 * the CPU used by the ready pods, in units of one pod's request (3 pods at 50 % is 1.5). Not-ready
 * pods report no usable sample.
 */
public record PodUsage(int readyPods, int unreadyPods, double readyUsage) {

  public PodUsage {
    if (readyPods < 0 || unreadyPods < 0 || readyUsage < 0) {
      throw new IllegalArgumentException("pod counts and usage must not be negative");
    }
  }
}
