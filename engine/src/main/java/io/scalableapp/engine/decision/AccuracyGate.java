package io.scalableapp.engine.decision;

/**
 * Decides whether the forecast may drive the floor. It closes when the rolling error exceeds the
 * threshold and reopens only once the error is below {@link #RECOVERY_RATIO} of it, so an error
 * hovering at the threshold does not flip the floor back and forth.
 */
public final class AccuracyGate {

  public static final double RECOVERY_RATIO = 0.8;

  private boolean open;

  public AccuracyGate() {
    this(true);
  }

  /** A gate continuing in a state kept elsewhere (a snapshot). */
  public AccuracyGate(boolean open) {
    this.open = open;
  }

  /**
   * @param error rolling error (fraction), NaN when unknown
   * @param samples how many forecasts the error is based on
   * @param threshold error above which the forecast is distrusted
   * @param minSamples fewer samples than this leave the gate as it is (too little evidence)
   * @return whether the forecast is trusted now
   */
  public boolean update(double error, int samples, double threshold, int minSamples) {
    if (samples >= minSamples && !Double.isNaN(error)) {
      if (open && error > threshold) {
        open = false;
      } else if (!open && error < threshold * RECOVERY_RATIO) {
        open = true;
      }
    }
    return open;
  }

  public boolean isOpen() {
    return open;
  }
}
