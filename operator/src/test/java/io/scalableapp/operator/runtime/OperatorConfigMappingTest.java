package io.scalableapp.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.scalableapp.engine.auto.AutoModeSettings;
import io.scalableapp.operator.cdn.CdnSettings;
import io.scalableapp.operator.prediction.PredictionSettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The settings as the application reads them: the property names the chart and docs set, and their
 * defaults.
 */
class OperatorConfigMappingTest {

  private static SmallRyeConfig config(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(properties, "test", 500))
        .withConverter(Duration.class, 200, new DurationConverter())
        .withMapping(OperatorConfig.class)
        .withMapping(PrometheusConfig.class)
        .withMapping(PredictionConfig.class)
        .withMapping(LeaderElectionConfig.class)
        .withMapping(CdnConfig.class)
        .build();
  }

  @Test
  void withNothingSetTheDefaultsAreTheOnesTheInProcessSettingsUse() {
    SmallRyeConfig config = config(Map.of());

    OperatorConfig operator = config.getConfigMapping(OperatorConfig.class);
    assertThat(operator.enabled()).isTrue();
    assertThat(operator.scope()).isEqualTo(new WatchScope(Set.of(), Optional.empty()));
    assertThat(operator.threads()).isEqualTo(ReconcilerThreads.defaults());
    URI prometheus = config.getConfigMapping(PrometheusConfig.class).url();
    assertThat(prometheus).isEqualTo(URI.create("http://localhost:9090"));
    PredictionSettings prediction =
        config.getConfigMapping(PredictionConfig.class).settings(prometheus);
    assertThat(prediction)
        .isEqualTo(
            new PredictionSettings(
                prometheus,
                Duration.ofSeconds(30),
                Duration.ofMinutes(1),
                PredictionSettings.DEFAULT_CONCURRENCY,
                PredictionSettings.DEFAULT_TIMEOUT,
                PredictionSettings.DEFAULT_STATE_SAVE_EVERY,
                AutoModeSettings.defaults()));
    LeaderElectionSettings election =
        config.getConfigMapping(LeaderElectionConfig.class).settings();
    LeaderElectionSettings disabled = LeaderElectionSettings.disabled();
    assertThat(election)
        .isEqualTo(
            new LeaderElectionSettings(
                true,
                disabled.leaseName(),
                disabled.leaseNamespace(),
                disabled.identity(),
                disabled.leaseDuration(),
                disabled.renewDeadline(),
                disabled.retryPeriod()));
    CdnSettings cdn = config.getConfigMapping(CdnConfig.class).settings();
    CdnSettings defaults = CdnSettings.defaults();
    assertThat(cdn.varnishPurgeAddresses()).isEmpty();
    assertThat(cdn.cloudflareApiBaseUrls()).isEmpty();
    assertThat(
            List.of(cdn.callTimeout(), cdn.removalAttempts(), cdn.removalBackoff(), cdn.resync()))
        .isEqualTo(
            List.of(
                defaults.callTimeout(),
                defaults.removalAttempts(),
                defaults.removalBackoff(),
                defaults.resync()));
  }

  @Test
  void everySettingIsReadUnderItsPublishedName() {
    SmallRyeConfig config =
        config(
            Map.ofEntries(
                Map.entry("scalableapp.operator.enabled", "false"),
                Map.entry("scalableapp.operator.namespaces", "team-a,team-b"),
                Map.entry("scalableapp.operator.label-selector", "shard=a"),
                Map.entry("scalableapp.operator.reconciliation-threads", "7"),
                Map.entry("scalableapp.operator.workflow-threads", "9"),
                Map.entry("scalableapp.prometheus.url", "http://prometheus:9090"),
                Map.entry("scalableapp.prediction.interval", "10s"),
                Map.entry("scalableapp.prediction.step", "30s"),
                Map.entry("scalableapp.prediction.concurrency", "8"),
                Map.entry("scalableapp.prediction.timeout", "5s"),
                Map.entry("scalableapp.prediction.state-save-every", "1m"),
                Map.entry(
                    "scalableapp.prediction.prometheus-allowlist",
                    "http://other:9090,https://third"),
                Map.entry("scalableapp.prediction.auto.evaluate-every", "30m"),
                Map.entry("scalableapp.prediction.auto.min-history", "3d"),
                Map.entry("scalableapp.prediction.auto.promote-reduction-percent", "20"),
                Map.entry("scalableapp.prediction.auto.demote-reduction-percent", "5"),
                Map.entry("scalableapp.prediction.auto.max-extra-cost-percent", "50"),
                Map.entry("scalableapp.leader-election.enabled", "false"),
                Map.entry("scalableapp.leader-election.lease-name", "lease"),
                Map.entry("scalableapp.leader-election.lease-namespace", "ops"),
                Map.entry("scalableapp.leader-election.identity", "me"),
                Map.entry("scalableapp.leader-election.lease-duration", "20s"),
                Map.entry("scalableapp.leader-election.renew-deadline", "12s"),
                Map.entry("scalableapp.leader-election.retry-period", "3s"),
                Map.entry("scalableapp.cdn.varnish.purge-addresses", "127.0.0.1:6082, edge:6083"),
                Map.entry("scalableapp.cdn.varnish.purge-key", "k".repeat(32)),
                Map.entry(
                    "scalableapp.cdn.cloudflare.api-base-urls",
                    "https://proxy.example.com/client/v4"),
                Map.entry("scalableapp.cdn.call-timeout", "7s"),
                Map.entry("scalableapp.cdn.removal-attempts", "3"),
                Map.entry("scalableapp.cdn.removal-backoff", "1s"),
                Map.entry("scalableapp.cdn.resync", "1m")));

    OperatorConfig operator = config.getConfigMapping(OperatorConfig.class);
    assertThat(operator.enabled()).isFalse();
    assertThat(operator.scope())
        .isEqualTo(new WatchScope(Set.of("team-a", "team-b"), Optional.of("shard=a")));
    assertThat(operator.threads()).isEqualTo(new ReconcilerThreads(7, 9));
    URI prometheus = config.getConfigMapping(PrometheusConfig.class).url();
    PredictionSettings prediction =
        config.getConfigMapping(PredictionConfig.class).settings(prometheus);
    assertThat(prediction.prometheusUrl()).isEqualTo(URI.create("http://prometheus:9090"));
    assertThat(
            List.of(
                prediction.interval(),
                prediction.step(),
                prediction.timeout(),
                prediction.stateSaveEvery()))
        .containsExactly(
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            Duration.ofMinutes(1));
    assertThat(prediction.concurrency()).isEqualTo(8);
    assertThat(prediction.prometheusAllowlist().entries())
        .containsExactly(URI.create("http://other:9090"), URI.create("https://third"));
    AutoModeSettings auto = prediction.autoMode();
    assertThat(auto.evaluateEvery()).isEqualTo(Duration.ofMinutes(30));
    assertThat(auto.minHistory()).isEqualTo(Duration.ofDays(3));
    // Percent in the property, a fraction in the engine.
    assertThat(List.of(auto.promoteReduction(), auto.demoteReduction(), auto.maxExtraCost()))
        .containsExactly(0.2, 0.05, 0.5);
    assertThat(config.getConfigMapping(LeaderElectionConfig.class).settings())
        .isEqualTo(
            new LeaderElectionSettings(
                false,
                "lease",
                Optional.of("ops"),
                Optional.of("me"),
                Duration.ofSeconds(20),
                Duration.ofSeconds(12),
                Duration.ofSeconds(3)));
    CdnSettings cdn = config.getConfigMapping(CdnConfig.class).settings();
    assertThat(cdn.varnishPurgeAddresses())
        .containsExactly(
            InetSocketAddress.createUnresolved("127.0.0.1", 6082),
            InetSocketAddress.createUnresolved("edge", 6083));
    assertThat(cdn.cloudflareApiAllowed("https://proxy.example.com/client/v4")).isTrue();
    assertThat(
            List.of(cdn.callTimeout(), cdn.removalAttempts(), cdn.removalBackoff(), cdn.resync()))
        .isEqualTo(List.of(Duration.ofSeconds(7), 3, Duration.ofSeconds(1), Duration.ofMinutes(1)));
  }

  /**
   * A fixed key gives the same tokens in every process (no edge rollout on restart); without one
   * they differ.
   */
  @Test
  void aPurgeKeyMakesTokensStableAcrossProcesses() {
    Map<String, String> keyed = Map.of("scalableapp.cdn.varnish.purge-key", "k".repeat(32));
    var first = config(keyed).getConfigMapping(CdnConfig.class).settings().purgeTokens();
    var second = config(keyed).getConfigMapping(CdnConfig.class).settings().purgeTokens();
    var unkeyed = config(Map.of()).getConfigMapping(CdnConfig.class).settings().purgeTokens();
    assertThat(first.tokenFor("uid-1")).isEqualTo(second.tokenFor("uid-1"));
    assertThat(unkeyed.tokenFor("uid-1")).isNotEqualTo(first.tokenFor("uid-1"));
  }

  @Test
  void noThreadsCannotReconcileAndStopsTheOperator() {
    OperatorConfig operator =
        config(Map.of("scalableapp.operator.workflow-threads", "0"))
            .getConfigMapping(OperatorConfig.class);
    assertThatThrownBy(operator::threads)
        .hasMessageContaining("at least one reconciliation and one workflow thread");
  }

  @Test
  void aSettingThatCannotWorkStopsTheOperator() {
    SmallRyeConfig config = config(Map.of("scalableapp.prediction.step", "90m"));
    URI prometheus = config.getConfigMapping(PrometheusConfig.class).url();
    assertThatThrownBy(() -> config.getConfigMapping(PredictionConfig.class).settings(prometheus))
        .hasMessageContaining("scalableapp.prediction.step");
  }
}
