package io.scalableapp.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.scalableapp.operator.cdn.CdnProvider;
import io.scalableapp.operator.cdn.CdnRuntime;
import io.scalableapp.operator.cdn.CdnSettings;
import io.scalableapp.operator.cdn.cloudflare.CloudflareProvider;
import io.scalableapp.operator.cdn.varnish.VarnishProvider;
import io.scalableapp.operator.events.EventRecorder;
import io.scalableapp.operator.prediction.PredictionLeadership;
import io.scalableapp.operator.prediction.PredictionService;
import io.scalableapp.operator.reconciler.ScalableAppReconciler;
import io.scalableapp.operator.reconciler.WorkflowDependents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds the operator; shared by the Quarkus application and the integration tests so both run the
 * same wiring.
 */
public final class OperatorFactory {
  /**
   * A failed reconciliation is retried for as long as it fails, backing off up to this interval.
   */
  static final Duration MAX_RETRY_INTERVAL = Duration.ofMinutes(5);

  private OperatorFactory() {}

  /**
   * @param scope the namespaces and ScalableApp labels this instance reconciles
   * @param threads the sizes of JOSDK's thread pools
   */
  public static Operator create(
      KubernetesClient client,
      MeterRegistry registry,
      PredictionService prediction,
      Clock clock,
      WatchScope scope,
      ReconcilerThreads threads,
      LeaderElectionSettings election,
      CdnSettings cdn) {
    PredictionLeadership leadership =
        election.enabled()
            ? PredictionLeadership.electedByLease()
            : PredictionLeadership.alwaysLeading();
    // This operator's own: a second operator in the JVM has its own recorder and CDN state.
    EventRecorder events = new EventRecorder(client, clock, registry);
    CdnRuntime cdnRuntime = new CdnRuntime(cdn, clock, cdnProviders(cdn), registry);
    Operator operator =
        new Operator(
            overrider -> {
              overrider
                  .withKubernetesClient(client)
                  .withDependentResourceFactory(new WorkflowDependents(events, cdnRuntime))
                  .withMetrics(new ReconcileMetrics(registry))
                  .withConcurrentReconciliationThreads(threads.reconciliations())
                  .withConcurrentWorkflowExecutorThreads(threads.workflows())
                  // The client belongs to whoever passed it in (Quarkus or a test), so stopping
                  // must not close it.
                  .withCloseClientOnStop(false);
              if (election.enabled()) {
                var builder =
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
                            election.leaseName())
                        .withLeaseDuration(election.leaseDuration())
                        .withRenewDeadline(election.renewDeadline())
                        .withRetryPeriod(election.retryPeriod())
                        // A leader that lost its lease exits (JOSDK's default) so it can never act
                        // beside the new one.
                        .withLeaderCallbacks(
                            new LeaderCallbacks(
                                leadership::startLeading, leadership::stopLeading, leader -> {}));
                election.leaseNamespace().ifPresent(builder::withLeaseNamespace);
                election.identity().ifPresent(builder::withIdentity);
                overrider.withLeaderElectionConfiguration(builder.build());
              }
            });
    OperatorMetrics.register(registry, leadership);
    operator.register(
        new ScalableAppReconciler(clock, prediction, leadership, events, cdnRuntime),
        config -> {
          config.withRetry(
              new GenericRetry()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setIntervalMultiplier(2)
                  .setMaxInterval(MAX_RETRY_INTERVAL.toMillis())
                  .withoutMaxAttempts());
          if (!scope.namespaces().isEmpty()) {
            config.settingNamespaces(scope.namespaces());
          }
          // Selected on the server: apps of other shards never reach this instance's cache or
          // reconciler.
          scope.labelSelector().ifPresent(config::withLabelSelector);
        });
    return operator;
  }

  /**
   * The CDN providers spec.cdn.provider may name; each has its dependent wired in
   * ScalableAppReconciler.
   */
  static List<CdnProvider> cdnProviders(CdnSettings cdn) {
    return List.of(
        new VarnishProvider(cdn.callTimeout()), new CloudflareProvider(cdn.callTimeout()));
  }
}
