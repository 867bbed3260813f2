package io.scalableapp.operator.prediction;

import io.scalableapp.engine.auto.AutoModeSettings;
import io.scalableapp.engine.text.DurationText;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.translate.ScalingSpecs;
import java.net.URI;
import java.time.Duration;

/**
 * Operator-wide prediction settings; the operator refuses to start with ones that cannot work.
 *
 * @param prometheusUrl default Prometheus, overridable per app
 * @param interval how often each app is re-evaluated (from the end of its previous evaluation), at
 *     least 1s
 * @param step resolution of the demand history fetched from Prometheus: whole seconds, from 1s to
 *     {@link #MAX_STEP}
 * @param concurrency how many apps are evaluated at once; the rest wait their turn
 * @param timeout longest one app's evaluation may take before it is interrupted and reported
 * @param stateSaveEvery how often at most an app's learned engine state is saved to its ConfigMap
 *     (also at once when its accuracy gate or model choice changes)
 * @param autoMode how prediction.mode Auto judges the forecast on each app's history
 * @param prometheusAllowlist the servers apps may name besides {@code prometheusUrl}
 */
public record PredictionSettings(
    URI prometheusUrl,
    Duration interval,
    Duration step,
    int concurrency,
    Duration timeout,
    Duration stateSaveEvery,
    AutoModeSettings autoMode,
    PrometheusAllowlist prometheusAllowlist) {
  /**
   * Largest step: admission lets prediction.lookback be as short as {@link
   * PredictionSpec#MIN_LOOKBACK_SECONDS} (1h), and the engine needs the lookback longer than the
   * step, with 6 points in its first 30 minutes.
   */
  public static final Duration MAX_STEP = Duration.ofMinutes(5);

  public static final int DEFAULT_CONCURRENCY = 4;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
  public static final Duration DEFAULT_STATE_SAVE_EVERY = Duration.ofMinutes(5);

  public PredictionSettings {
    if (step.compareTo(Duration.ofSeconds(1)) < 0
        || step.compareTo(MAX_STEP) > 0
        || step.getNano() != 0) {
      throw new IllegalArgumentException(
          "scalableapp.prediction.step must be whole seconds from 1s to 5m, got "
              + DurationText.format(step)
              + ": Prometheus steps are whole seconds, and admission lets "
              + "prediction.lookback be as short as 1h");
    }
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "scalableapp.prediction.interval must be at least 1s, got " + interval);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException(
          "scalableapp.prediction.concurrency must be at least 1, was " + concurrency);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "scalableapp.prediction.timeout must be positive, was " + timeout);
    }
    if (autoMode == null) {
      throw new IllegalArgumentException("the Auto mode settings are missing");
    }
    if (stateSaveEvery.isNegative()) {
      throw new IllegalArgumentException(
          "scalableapp.prediction.state-save-every must not be negative");
    }
    if (prometheusAllowlist == null) {
      throw new IllegalArgumentException("the Prometheus allowlist is missing");
    }
    if (prometheusUrl.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "scalableapp.prometheus.url must not carry credentials (user:password@): the operator "
              + "sends none, and the URL is shown in status, Events and logs");
    }
  }

  public PredictionSettings(
      URI prometheusUrl,
      Duration interval,
      Duration step,
      int concurrency,
      Duration timeout,
      Duration stateSaveEvery,
      AutoModeSettings autoMode) {
    this(
        prometheusUrl,
        interval,
        step,
        concurrency,
        timeout,
        stateSaveEvery,
        autoMode,
        PrometheusAllowlist.none());
  }

  public PredictionSettings(
      URI prometheusUrl,
      Duration interval,
      Duration step,
      int concurrency,
      Duration timeout,
      Duration stateSaveEvery) {
    this(
        prometheusUrl,
        interval,
        step,
        concurrency,
        timeout,
        stateSaveEvery,
        AutoModeSettings.defaults());
  }

  public PredictionSettings(
      URI prometheusUrl, Duration interval, Duration step, int concurrency, Duration timeout) {
    this(prometheusUrl, interval, step, concurrency, timeout, DEFAULT_STATE_SAVE_EVERY);
  }

  public PredictionSettings(URI prometheusUrl, Duration interval, Duration step) {
    this(prometheusUrl, interval, step, DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT);
  }

  /**
   * Where {@code prediction}'s demand history is: the app's own Prometheus, or the operator's
   * default.
   */
  public URI prometheusFor(PredictionSpec prediction) {
    return ScalingSpecs.prometheus(prediction, prometheusUrl);
  }

  /**
   * {@link #prometheusFor}, where the operator may send requests: the app's own Prometheus only if
   * the allowlist permits it. (The what-if, run by a person from their own machine, asks {@link
   * #prometheusFor}.)
   *
   * @throws IllegalArgumentException naming the URL and the setting, before any request is sent
   */
  public URI allowedPrometheusFor(PredictionSpec prediction) {
    URI url = prometheusFor(prediction);
    if (url.getRawUserInfo() != null) {
      // Admission refuses these; an app admitted before that rule must not see its password echoed.
      throw new IllegalArgumentException(
          "spec.prediction.prometheusUrl must not carry credentials (user:password@): the operator "
              + "sends none, and the URL is shown in status and Events");
    }
    if (!prometheusAllowlist.permits(url, prometheusUrl)) {
      throw new IllegalArgumentException(
          "spec.prediction.prometheusUrl "
              + url
              + " is not allowed by this operator: "
              + "only "
              + prometheusUrl
              + (prometheusAllowlist.entries().isEmpty()
                  ? ""
                  : " and " + prometheusAllowlist.entries())
              + " (ask the platform team to add it to "
              + PrometheusAllowlist.SETTING
              + ")");
    }
    return url;
  }

  public static PredictionSettings defaults() {
    return new PredictionSettings(
        URI.create("http://localhost:9090"), Duration.ofSeconds(30), Duration.ofMinutes(1));
  }

  public PredictionSettings withTimeout(Duration value) {
    return new PredictionSettings(
        prometheusUrl,
        interval,
        step,
        concurrency,
        value,
        stateSaveEvery,
        autoMode,
        prometheusAllowlist);
  }

  public PredictionSettings withStateSaveEvery(Duration value) {
    return new PredictionSettings(
        prometheusUrl, interval, step, concurrency, timeout, value, autoMode, prometheusAllowlist);
  }

  public PredictionSettings withAutoMode(AutoModeSettings value) {
    return new PredictionSettings(
        prometheusUrl,
        interval,
        step,
        concurrency,
        timeout,
        stateSaveEvery,
        value,
        prometheusAllowlist);
  }

  public PredictionSettings withPrometheusAllowlist(PrometheusAllowlist value) {
    return new PredictionSettings(
        prometheusUrl, interval, step, concurrency, timeout, stateSaveEvery, autoMode, value);
  }
}
