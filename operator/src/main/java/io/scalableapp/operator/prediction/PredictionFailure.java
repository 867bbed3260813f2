package io.scalableapp.operator.prediction;

/**
 * Why an app could not be evaluated normally. The kind is the condition reason and the metric
 * label, the message says what happened in words a person can act on.
 */
public record PredictionFailure(Kind kind, String message) {

  public enum Kind {
    /** The spec could not be turned into engine settings (admission should have refused it). */
    InvalidSettings,
    /** The forecast or the decision threw. */
    EvaluationFailed,
    /** The evaluation ran past the per-app timeout and was interrupted. */
    EvaluationTimedOut,
    /**
     * mode Auto's replay of the app's history failed; the floor was still evaluated, and the app
     * keeps its mode. Only a metric label and an Event reason, never the Predicting condition's.
     */
    AutoEvidenceFailed,
    /**
     * spec.autoscaling.tuning's policy search failed; the running policy stays and it is retried.
     * Only a metric label, an Event reason and the Tuned condition's reason.
     */
    PolicySearchFailed
  }
}
