package io.scalableapp.operator.prediction;

import java.net.URI;
import java.time.Duration;

/**
 * Operator-wide prediction settings.
 *
 * @param prometheusUrl default Prometheus, overridable per app
 * @param interval      how often each app is re-evaluated (from the end of its previous evaluation)
 * @param step          resolution of the demand history fetched from Prometheus
 * @param concurrency   how many apps are evaluated at once; the rest wait their turn
 * @param timeout       longest one app's evaluation may take before it is interrupted and reported
 * @param stateSaveEvery how often at most an app's learned engine state is saved to its ConfigMap (also at once
 *                      when its accuracy gate or model choice changes)
 */
public record PredictionSettings(URI prometheusUrl, Duration interval, Duration step, int concurrency,
    Duration timeout, Duration stateSaveEvery) {
  public static final int DEFAULT_CONCURRENCY = 4;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
  public static final Duration DEFAULT_STATE_SAVE_EVERY = Duration.ofMinutes(5);

  public PredictionSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("scalableapp.prediction.concurrency must be at least 1, was " + concurrency);
    }
    if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("scalableapp.prediction.interval and .timeout must be positive");
    }
    if (stateSaveEvery.isNegative()) {
      throw new IllegalArgumentException("scalableapp.prediction.state-save-every must not be negative");
    }
  }

  public PredictionSettings(URI prometheusUrl, Duration interval, Duration step, int concurrency, Duration timeout) {
    this(prometheusUrl, interval, step, concurrency, timeout, DEFAULT_STATE_SAVE_EVERY);
  }

  public PredictionSettings(URI prometheusUrl, Duration interval, Duration step) {
    this(prometheusUrl, interval, step, DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT);
  }

  public static PredictionSettings defaults() {
    return new PredictionSettings(URI.create("http://localhost:9090"), Duration.ofSeconds(30), Duration.ofMinutes(1));
  }

  public PredictionSettings withTimeout(Duration value) {
    return new PredictionSettings(prometheusUrl, interval, step, concurrency, value, stateSaveEvery);
  }

  public PredictionSettings withStateSaveEvery(Duration value) {
    return new PredictionSettings(prometheusUrl, interval, step, concurrency, timeout, value);
  }
}
