package io.scalableapp.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.scalableapp.engine.auto.AutoModeSettings;
import io.scalableapp.operator.cdn.CdnSettings;
import io.scalableapp.operator.cdn.varnish.EdgePurgeTokens;
import io.scalableapp.operator.prediction.PredictionService;
import io.scalableapp.operator.prediction.PredictionSettings;
import io.scalableapp.operator.prediction.PrometheusAllowlist;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts the operator with the application and stops it on shutdown. */
@ApplicationScoped
public class OperatorLifecycle {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OperatorLifecycle.class);
  private final KubernetesClient client;
  private final MeterRegistry registry;
  private final boolean enabled;
  private final PredictionSettings settings;
  private final Set<String> namespaces;
  private final Optional<String> labelSelector;
  private final LeaderElectionSettings election;
  private final CdnSettings cdn;
  private volatile Operator operator;
  private volatile PredictionService prediction;

  public OperatorLifecycle(KubernetesClient client, MeterRegistry registry,
      @ConfigProperty(name = "scalableapp.operator.enabled", defaultValue = "true") boolean enabled,
      @ConfigProperty(name = "scalableapp.prometheus.url", defaultValue = "http://localhost:9090") URI prometheusUrl,
      @ConfigProperty(name = PrometheusAllowlist.SETTING) Optional<List<URI>> prometheusAllowlist,
      @ConfigProperty(name = "scalableapp.prediction.interval", defaultValue = "30s") Duration interval,
      @ConfigProperty(name = "scalableapp.prediction.step", defaultValue = "1m") Duration step,
      @ConfigProperty(name = "scalableapp.prediction.concurrency", defaultValue = "4") int concurrency,
      @ConfigProperty(name = "scalableapp.prediction.timeout", defaultValue = "20s") Duration timeout,
      @ConfigProperty(name = "scalableapp.prediction.state-save-every", defaultValue = "5m") Duration stateSaveEvery,
      @ConfigProperty(name = "scalableapp.prediction.auto.evaluate-every", defaultValue = "1h") Duration autoEvery,
      @ConfigProperty(name = "scalableapp.prediction.auto.min-history", defaultValue = "2d") Duration autoMinHistory,
      @ConfigProperty(name = "scalableapp.prediction.auto.promote-reduction-percent", defaultValue = "10")
      double autoPromotePercent,
      @ConfigProperty(name = "scalableapp.prediction.auto.demote-reduction-percent", defaultValue = "0")
      double autoDemotePercent,
      @ConfigProperty(name = "scalableapp.prediction.auto.max-extra-cost-percent", defaultValue = "25")
      double autoMaxExtraCostPercent,
      @ConfigProperty(name = "scalableapp.operator.namespaces") Optional<Set<String>> namespaces,
      @ConfigProperty(name = "scalableapp.operator.label-selector") Optional<String> labelSelector,
      @ConfigProperty(name = "scalableapp.leader-election.enabled", defaultValue = "true") boolean electLeader,
      @ConfigProperty(name = "scalableapp.leader-election.lease-name", defaultValue = "scalableapp-operator")
      String leaseName,
      @ConfigProperty(name = "scalableapp.leader-election.lease-namespace") Optional<String> leaseNamespace,
      @ConfigProperty(name = "scalableapp.leader-election.identity") Optional<String> identity,
      @ConfigProperty(name = "scalableapp.leader-election.lease-duration", defaultValue = "15s") Duration leaseDuration,
      @ConfigProperty(name = "scalableapp.leader-election.renew-deadline", defaultValue = "10s") Duration renewDeadline,
      @ConfigProperty(name = "scalableapp.leader-election.retry-period", defaultValue = "2s") Duration retryPeriod,
      @ConfigProperty(name = "scalableapp.cdn.varnish.purge-addresses") Optional<String> varnishPurgeAddresses,
      @ConfigProperty(name = "scalableapp.cdn.varnish.purge-key") Optional<String> varnishPurgeKey,
      @ConfigProperty(name = "scalableapp.cdn.cloudflare.api-base-urls") Optional<List<String>> cloudflareApiBaseUrls,
      @ConfigProperty(name = "scalableapp.cdn.call-timeout", defaultValue = "15s") Duration cdnCallTimeout,
      @ConfigProperty(name = "scalableapp.cdn.removal-attempts", defaultValue = "5") int removalAttempts,
      @ConfigProperty(name = "scalableapp.cdn.removal-backoff", defaultValue = "2s") Duration removalBackoff,
      @ConfigProperty(name = "scalableapp.cdn.resync", defaultValue = "30s") Duration cdnResync) {
    this.client = client;
    this.registry = registry;
    this.enabled = enabled;
    this.settings = new PredictionSettings(prometheusUrl, interval, step, concurrency, timeout, stateSaveEvery,
        new AutoModeSettings(autoEvery, AutoModeSettings.DEFAULT_RETRY_AFTER_FAILURE, autoMinHistory,
            AutoModeSettings.DEFAULT_REPLAY_INTERVAL, autoPromotePercent / 100, autoDemotePercent / 100,
            autoMaxExtraCostPercent / 100),
        new PrometheusAllowlist(prometheusAllowlist.orElse(List.of())));
    this.namespaces = namespaces.orElse(Set.of());
    this.labelSelector = labelSelector;
    this.election = new LeaderElectionSettings(electLeader, leaseName, leaseNamespace, identity, leaseDuration,
        renewDeadline, retryPeriod);
    this.cdn = new CdnSettings(varnishPurgeAddresses.map(CdnSettings::parseAddresses).orElse(List.of()),
        purgeTokens(varnishPurgeKey), cloudflareApiBaseUrls.orElse(List.of()), cdnCallTimeout, removalAttempts,
        removalBackoff, cdnResync);
  }

  /** The configured purge key; without one, a key of this process only, said in a warning. */
  private static EdgePurgeTokens purgeTokens(Optional<String> key) {
    if (key.filter(k -> !k.isBlank()).isPresent()) {
      return EdgePurgeTokens.fromKey(key.get());
    }
    LOG.warn("scalableapp.cdn.varnish.purge-key is not set: the varnish edges' purge tokens come from a key this "
        + "process made up, so they change (and the edges roll out) whenever the operator restarts or fails over");
    return EdgePurgeTokens.random();
  }

  void onStart(@Observes StartupEvent event) {
    if (!enabled) {
      return;
    }
    prediction = new PredictionService(settings, client, namespaces, registry, Clock.systemUTC());
    prediction.start();
    operator = OperatorFactory.create(client, registry, prediction, Clock.systemUTC(),
        new WatchScope(namespaces, labelSelector), election, cdn);
    operator.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    if (operator != null) {
      operator.stop();
    }
    if (prediction != null) {
      prediction.close();
    }
  }

  /** The running operator, or null before start or when disabled. */
  Operator operator() {
    return operator;
  }
}
