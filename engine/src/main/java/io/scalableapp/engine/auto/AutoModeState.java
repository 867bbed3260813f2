package io.scalableapp.engine.auto;

import io.scalableapp.engine.ScalingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One app's place in {@code mode: Auto}: the mode it runs in, since when, the last verdict and when
 * the next is due. A restarted operator rebuilds it from what the app's status recorded, so an
 * enforcing app stays enforcing. Used by one evaluation at a time.
 */
public final class AutoModeState {

  private ScalingMode mode;
  private Instant since;
  private Instant nextEvaluation;
  private AutoVerdict last;

  /**
   * @param mode SHADOW for a new app; the recorded mode after a restart
   * @param since when it entered that mode, if known
   * @param nextEvaluation when the next replay is due (now for a new app)
   */
  public AutoModeState(ScalingMode mode, Optional<Instant> since, Instant nextEvaluation) {
    if (mode != ScalingMode.SHADOW && mode != ScalingMode.ENFORCE) {
      throw new IllegalArgumentException("Auto switches between SHADOW and ENFORCE, not " + mode);
    }
    this.mode = mode;
    this.since = since.orElse(null);
    this.nextEvaluation = Objects.requireNonNull(nextEvaluation, "nextEvaluation");
  }

  public ScalingMode mode() {
    return mode;
  }

  /** When the app entered its mode; empty for a new app that has always been in Shadow. */
  public Optional<Instant> since() {
    return Optional.ofNullable(since);
  }

  public Instant nextEvaluation() {
    return nextEvaluation;
  }

  public Optional<AutoVerdict> last() {
    return Optional.ofNullable(last);
  }

  void record(AutoVerdict verdict, Instant next) {
    if (verdict.mode() != mode) {
      since = verdict.at();
    }
    mode = verdict.mode();
    last = verdict;
    nextEvaluation = next;
  }
}
