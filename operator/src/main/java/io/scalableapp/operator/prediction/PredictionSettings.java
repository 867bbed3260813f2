package io.scalableapp.operator.prediction;

import java.net.URI;
import java.time.Duration;

/**
 * Operator-wide prediction settings.
 *
 * @param prometheusUrl default Prometheus, overridable per app
 * @param interval      how often each app is re-evaluated
 * @param step          resolution of the demand history fetched from Prometheus
 */
public record PredictionSettings(URI prometheusUrl, Duration interval, Duration step) {
  public static PredictionSettings defaults() {
    return new PredictionSettings(URI.create("http://localhost:9090"), Duration.ofSeconds(30), Duration.ofMinutes(1));
  }
}
