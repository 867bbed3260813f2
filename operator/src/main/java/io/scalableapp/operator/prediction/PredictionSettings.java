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
 */
public record PredictionSettings(URI prometheusUrl, Duration interval, Duration step, int concurrency,
    Duration timeout) {
  public static final int DEFAULT_CONCURRENCY = 4;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  public PredictionSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("scalableapp.prediction.concurrency must be at least 1, was " + concurrency);
    }
    if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("scalableapp.prediction.interval and .timeout must be positive");
    }
  }

  public PredictionSettings(URI prometheusUrl, Duration interval, Duration step) {
    this(prometheusUrl, interval, step, DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT);
  }

  public static PredictionSettings defaults() {
    return new PredictionSettings(URI.create("http://localhost:9090"), Duration.ofSeconds(30), Duration.ofMinutes(1));
  }

  public PredictionSettings withTimeout(Duration value) {
    return new PredictionSettings(prometheusUrl, interval, step, concurrency, value);
  }
}
