package io.scalableapp.operator.it;

import io.scalableapp.engine.auto.AutoModeSettings;
import io.scalableapp.operator.prediction.PredictionSettings;
import io.scalableapp.testsupport.PrometheusServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A prediction IT's world for the whole class: NASA traffic replayed as {@code metric} into a real
 * Prometheus holding {@code history} before the replayed "now", and an in-process operator on the
 * class's namespace reading it (evaluating every 2 s over a 1-minute step, with {@link
 * #withAutoMode} if given). Register it after the {@link ClusterNamespace} (a higher
 * {@code @Order}), so the namespace exists first and goes last.
 */
final class PredictionFixture implements BeforeAllCallback, AfterAllCallback {
  private final ClusterNamespace cluster;
  private final String metric;
  private final Instant traceNow;
  private final Duration history;
  private AutoModeSettings autoMode;

  private TraceReplay trace;
  private PrometheusServer prometheus;
  private PredictionSettings settings;
  private LocalCluster.RunningOperator operator;

  private PredictionFixture(
      ClusterNamespace cluster, String metric, Instant traceNow, Duration history) {
    this.cluster = cluster;
    this.metric = metric;
    this.traceNow = traceNow;
    this.history = history;
  }

  /** NASA traffic as {@code metric}, at {@code traceNow}, with {@code history} backfilled. */
  static PredictionFixture nasa(
      String namespacePrefix, String metric, Instant traceNow, Duration history) {
    return new PredictionFixture(
        ClusterNamespace.withPrefix(namespacePrefix), metric, traceNow, history);
  }

  /**
   * Runs Auto-mode verdicts and tuning searches on {@code autoMode}'s cadence, with the 60 s query
   * timeout these multi-day histories get.
   */
  PredictionFixture withAutoMode(AutoModeSettings autoMode) {
    this.autoMode = autoMode;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    cluster.beforeAll(context);
    trace = TraceReplay.of(TraceReplay.NASA, traceNow, metric);
    prometheus = trace.startPrometheus(traceNow, history);
    settings =
        new PredictionSettings(prometheus.url(), Duration.ofSeconds(2), Duration.ofMinutes(1));
    if (autoMode != null) {
      settings = settings.withTimeout(Duration.ofSeconds(60)).withAutoMode(autoMode);
    }
    operator = LocalCluster.startOperator(cluster, settings);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (operator != null) operator.stop();
      if (prometheus != null) prometheus.close();
      if (trace != null) trace.close();
    } finally {
      cluster.afterAll(context);
    }
  }

  ClusterNamespace cluster() {
    return cluster;
  }

  TraceReplay trace() {
    return trace;
  }

  /** The settings the operator started with. */
  PredictionSettings settings() {
    return settings;
  }

  LocalCluster.RunningOperator operator() {
    return operator;
  }

  /** Stops the operator and starts a new one on the same namespace with {@code newSettings}. */
  void restartOperator(PredictionSettings newSettings) {
    operator.stop();
    operator = null;
    operator = LocalCluster.startOperator(cluster, newSettings);
  }
}
