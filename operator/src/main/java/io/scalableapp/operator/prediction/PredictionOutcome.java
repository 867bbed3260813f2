package io.scalableapp.operator.prediction;

import io.scalableapp.engine.Recommendation;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluation of one app, the prediction event source's secondary resource.
 *
 * @param recommendation the floor to apply and its explanation; after a failure, the held floor
 * @param failure        what went wrong, or null when the evaluation completed
 */
public record PredictionOutcome(Recommendation recommendation, PredictionFailure failure) {

  public static PredictionOutcome of(Recommendation recommendation) {
    return new PredictionOutcome(recommendation, null);
  }

  /** Whether this outcome says exactly what {@code previous} said, but for when it was made. */
  public boolean repeats(PredictionOutcome previous) {
    if (previous == null || !Objects.equals(failure, previous.failure)) {
      return false;
    }
    if (recommendation == null || previous.recommendation == null) {
      return recommendation == previous.recommendation;
    }
    return recommendation.sameAs(previous.recommendation);
  }

  public Optional<PredictionFailure> failed() {
    return Optional.ofNullable(failure);
  }
}
