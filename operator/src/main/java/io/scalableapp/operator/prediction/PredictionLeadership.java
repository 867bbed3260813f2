package io.scalableapp.operator.prediction;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether this operator instance evaluates predictions. With leader election only the leader does,
 * so two instances never query Prometheus for, or decide the floor of, the same app; a standby
 * starts as soon as it wins the lease.
 */
public final class PredictionLeadership {
  private final List<PredictionScheduler> schedulers = new CopyOnWriteArrayList<>();
  private volatile boolean leading;

  private PredictionLeadership(boolean leading) {
    this.leading = leading;
  }

  /** For an operator without leader election: the only instance is always the one that evaluates. */
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
  }

  public void stopLeading() {
    leading = false;
    schedulers.forEach(PredictionScheduler::deactivate);
  }

  public boolean isLeading() {
    return leading;
  }

  void follow(PredictionScheduler scheduler) {
    schedulers.add(scheduler);
    if (leading) {
      scheduler.activate();
    }
  }
}
