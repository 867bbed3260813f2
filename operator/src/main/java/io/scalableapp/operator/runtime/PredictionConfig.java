package io.scalableapp.operator.runtime;

import io.scalableapp.engine.auto.AutoModeSettings;
import io.scalableapp.operator.prediction.PredictionSettings;
import io.scalableapp.operator.prediction.PrometheusAllowlist;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Prediction (scalableapp.prediction.*); what each setting means: {@link PredictionSettings}. */
@ConfigMapping(prefix = "scalableapp.prediction")
public interface PredictionConfig {
  @WithDefault("30s")
  Duration interval();

  @WithDefault("1m")
  Duration step();

  /** How many apps are evaluated at once. */
  @WithDefault("4")
  int concurrency();

  /** How long one evaluation may take before it is interrupted. */
  @WithDefault("20s")
  Duration timeout();

  /**
   * How often at most each app's learned engine state is saved to its ConfigMap (a new leader
   * restores it).
   */
  @WithDefault("5m")
  Duration stateSaveEvery();

  /** Servers apps may name in prediction.prometheusUrl besides scalableapp.prometheus.url. */
  Optional<List<URI>> prometheusAllowlist();

  Auto auto();

  /**
   * How prediction.mode Auto judges the forecast on each app's history
   * (scalableapp.prediction.auto.*).
   */
  interface Auto {
    @WithDefault("1h")
    Duration evaluateEvery();

    @WithDefault("2d")
    Duration minHistory();

    @WithDefault("10")
    double promoteReductionPercent();

    @WithDefault("0")
    double demoteReductionPercent();

    @WithDefault("25")
    double maxExtraCostPercent();

    default AutoModeSettings settings() {
      return new AutoModeSettings(
          evaluateEvery(),
          AutoModeSettings.DEFAULT_RETRY_AFTER_FAILURE,
          minHistory(),
          AutoModeSettings.DEFAULT_REPLAY_INTERVAL,
          promoteReductionPercent() / 100,
          demoteReductionPercent() / 100,
          maxExtraCostPercent() / 100);
    }
  }

  /**
   * @param prometheusUrl the operator's default Prometheus (scalableapp.prometheus.url)
   */
  default PredictionSettings settings(URI prometheusUrl) {
    return new PredictionSettings(
        prometheusUrl,
        interval(),
        step(),
        concurrency(),
        timeout(),
        stateSaveEvery(),
        auto().settings(),
        new PrometheusAllowlist(prometheusAllowlist().orElse(List.of())));
  }
}
