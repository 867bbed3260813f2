package io.scalableapp.operator.prediction;

import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.auto.AutoVerdict;
import io.scalableapp.engine.auto.TuningVerdict;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluation of one app, the prediction event source's secondary resource.
 *
 * @param recommendation the floor to apply and its explanation; after a failure, the held floor
 * @param failure what went wrong, or null when the evaluation completed
 * @param autoMode under prediction.mode Auto, the latest verdict on the mode (null before the first
 *     one)
 * @param tuning with spec.autoscaling.tuning, the latest policy search (null before the first one)
 */
public record PredictionOutcome(
    Recommendation recommendation,
    PredictionFailure failure,
    AutoVerdict autoMode,
    TuningVerdict tuning) {

  public PredictionOutcome(Recommendation recommendation, PredictionFailure failure) {
    this(recommendation, failure, null, null);
  }

  public static PredictionOutcome of(Recommendation recommendation) {
    return new PredictionOutcome(recommendation, null);
  }

  /**
   * Whether this outcome tells a reconciliation nothing {@code previous} did not ({@link
   * ReportedRecommendation}).
   */
  public boolean repeats(PredictionOutcome previous) {
    if (previous == null
        || !Objects.equals(failure, previous.failure)
        || !Objects.equals(autoMode, previous.autoMode)
        || !Objects.equals(tuning, previous.tuning)) {
      return false;
    }
    if (recommendation == null || previous.recommendation == null) {
      return recommendation == previous.recommendation;
    }
    return ReportedRecommendation.of(recommendation)
        .equals(ReportedRecommendation.of(previous.recommendation));
  }

  public PredictionOutcome withAutoMode(AutoVerdict verdict) {
    return new PredictionOutcome(recommendation, failure, verdict, tuning);
  }

  public PredictionOutcome withTuning(TuningVerdict verdict) {
    return new PredictionOutcome(recommendation, failure, autoMode, verdict);
  }

  public Optional<PredictionFailure> failed() {
    return Optional.ofNullable(failure);
  }
}
