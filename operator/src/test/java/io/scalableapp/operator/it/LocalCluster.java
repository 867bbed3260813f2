package io.scalableapp.operator.it;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.operator.cdn.CdnSettings;
import io.scalableapp.operator.prediction.PredictionService;
import io.scalableapp.operator.prediction.PredictionSettings;
import io.scalableapp.operator.runtime.LeaderElectionSettings;
import io.scalableapp.operator.runtime.OperatorFactory;
import io.scalableapp.operator.runtime.ReconcilerThreads;
import io.scalableapp.operator.runtime.WatchScope;
import io.scalableapp.testsupport.KubernetesTestCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The real cluster the integration tests run against (started by `make cluster-up`; KUBECONFIG
 * points at it), with the CRD this build generated installed, and an operator run in-process.
 */
public final class LocalCluster {
  private LocalCluster() {}

  static KubernetesClient client() {
    return KubernetesTestCluster.client();
  }

  /**
   * An operator watching only {@code namespace}, so tests never touch what another operator (the
   * demo's) runs.
   */
  static RunningOperator startOperator(ClusterNamespace namespace) {
    return startOperator(namespace, PredictionSettings.defaults());
  }

  static RunningOperator startOperator(ClusterNamespace namespace, PredictionSettings settings) {
    var registry = new SimpleMeterRegistry();
    return startOperator(
        namespace,
        new PredictionService(
            settings, namespace.client(), Set.of(namespace.name()), registry, Clock.systemUTC()),
        registry);
  }

  /**
   * An operator evaluating every second with the given forecasters and demand instead of
   * Prometheus.
   */
  static RunningOperator startOperator(
      ClusterNamespace namespace,
      PredictionSettings settings,
      ForecasterFactory forecasters,
      PredictionService.DemandSources demand) {
    var registry = new SimpleMeterRegistry();
    return startOperator(
        namespace,
        new PredictionService(
            settings,
            namespace.client(),
            Set.of(namespace.name()),
            registry,
            Clock.systemUTC(),
            forecasters,
            demand),
        registry);
  }

  /**
   * Prediction settings for in-process operators: every app evaluated each second, 1-minute steps.
   */
  static PredictionSettings everySecond() {
    return new PredictionSettings(
        PredictionSettings.defaults().prometheusUrl(),
        Duration.ofSeconds(1),
        Duration.ofMinutes(1));
  }

  /** An operator wired as the application wires it, with the given prediction service. */
  static RunningOperator startOperator(
      ClusterNamespace namespace, PredictionService prediction, SimpleMeterRegistry registry) {
    return startOperator(namespace, prediction, registry, CdnSettings.defaults());
  }

  /**
   * An operator with the given CDN settings, e.g. BANs sent to a local varnishd standing in for the
   * edge pods.
   */
  static RunningOperator startOperator(ClusterNamespace namespace, CdnSettings cdn) {
    var registry = new SimpleMeterRegistry();
    return startOperator(
        namespace,
        new PredictionService(
            PredictionSettings.defaults(),
            namespace.client(),
            Set.of(namespace.name()),
            registry,
            Clock.systemUTC()),
        registry,
        cdn);
  }

  static RunningOperator startOperator(
      ClusterNamespace namespace,
      PredictionService prediction,
      SimpleMeterRegistry registry,
      CdnSettings cdn) {
    prediction.start();
    Operator operator =
        OperatorFactory.create(
            namespace.client(),
            registry,
            prediction,
            Clock.systemUTC(),
            WatchScope.of(Set.of(namespace.name())),
            ReconcilerThreads.defaults(),
            LeaderElectionSettings.disabled(),
            cdn);
    operator.start();
    return new RunningOperator(operator, prediction, registry);
  }

  record RunningOperator(Operator operator, PredictionService prediction, MeterRegistry registry) {
    void stop() {
      operator.stop();
      prediction.close();
    }
  }
}
