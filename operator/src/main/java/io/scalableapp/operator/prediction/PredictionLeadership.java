package io.scalableapp.operator.prediction;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether this operator instance acts outside its reconciliations: evaluates predictions and
 * removes deleted apps' CDN configuration. With leader election only the leader does, so two
 * instances never query Prometheus for, decide the floor of, or edit the CDN of the same app (JOSDK
 * starts event sources on a standby too); a standby starts as soon as it wins the lease.
 */
public final class PredictionLeadership {
  private final List<PredictionScheduler> schedulers = new CopyOnWriteArrayList<>();
  private final List<Runnable> onLeading = new CopyOnWriteArrayList<>();
  private volatile boolean leading;

  private PredictionLeadership(boolean leading) {
    this.leading = leading;
  }

  /**
   * For an operator without leader election: the only instance is always the one that evaluates.
   */
  public static PredictionLeadership alwaysLeading() {
    return new PredictionLeadership(true);
  }

  /** For an operator with leader election: evaluates from {@link #startLeading()} on. */
  public static PredictionLeadership electedByLease() {
    return new PredictionLeadership(false);
  }

  public void startLeading() {
    leading = true;
    schedulers.forEach(PredictionScheduler::activate);
    onLeading.forEach(Runnable::run);
  }

  public void stopLeading() {
    leading = false;
    schedulers.forEach(PredictionScheduler::deactivate);
  }

  public boolean isLeading() {
    return leading;
  }

  /** Runs {@code task} each time this instance starts leading, and at once if it leads already. */
  public void whenLeading(Runnable task) {
    onLeading.add(task);
    if (leading) {
      task.run();
    }
  }

  void follow(PredictionScheduler scheduler) {
    schedulers.add(scheduler);
    if (leading) {
      scheduler.activate();
    }
  }
}
