package io.scalableapp.operator.prediction;

import io.scalableapp.operator.api.PredictionSpec;
import java.net.URI;
import java.time.Duration;

/**
 * Operator-wide prediction settings; the operator refuses to start with ones that cannot work.
 *
 * @param prometheusUrl default Prometheus, overridable per app
 * @param interval      how often each app is re-evaluated
 * @param step          resolution of the demand history fetched from Prometheus: whole seconds, from 1s to
 *                      {@link #MAX_STEP}
 */
public record PredictionSettings(URI prometheusUrl, Duration interval, Duration step) {
  /**
   * Largest step: admission lets prediction.lookback be as short as {@link PredictionSpec#MIN_LOOKBACK_SECONDS}
   * (1h), and the engine needs the lookback longer than the step, with 6 points in its first 30 minutes.
   */
  public static final Duration MAX_STEP = Duration.ofMinutes(5);

  public PredictionSettings {
    if (step.compareTo(Duration.ofSeconds(1)) < 0 || step.compareTo(MAX_STEP) > 0 || step.getNano() != 0) {
      throw new IllegalArgumentException("scalableapp.prediction.step must be whole seconds from 1s to 5m, got "
          + DurationText.format(step) + ": Prometheus steps are whole seconds, and admission lets "
          + "prediction.lookback be as short as 1h");
    }
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("scalableapp.prediction.interval must be at least 1s, got " + interval);
    }
  }

  public static PredictionSettings defaults() {
    return new PredictionSettings(URI.create("http://localhost:9090"), Duration.ofSeconds(30), Duration.ofMinutes(1));
  }
}
