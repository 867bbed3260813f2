package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static io.scalableapp.operator.it.AppAssertions.observed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.cdn.cloudflare.CloudflareStandIn;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two packaged operators elect a leader through a Lease: only the leader reconciles, and when it is
 * SIGKILLed the standby takes over and every app still converges.
 */
class LeaderElectionIT {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElectionIT.class);
  private static final String LEASE = "scalableapp-operator-election-it";
  private static final Duration LEASE_DURATION = Duration.ofSeconds(8);
  private static final Duration STARTUP = Duration.ofMinutes(4);

  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("election");

  private OperatorProcess start(String identity) throws Exception {
    return start(identity, LEASE);
  }

  private OperatorProcess start(String identity, String lease) throws Exception {
    return start(identity, lease, Map.of());
  }

  private OperatorProcess start(String identity, String lease, Map<String, String> more)
      throws Exception {
    Map<String, String> settings = new HashMap<>(more);
    settings.putAll(
        Map.of(
            "scalableapp.operator.namespaces",
            cluster.name(),
            "scalableapp.prometheus.url",
            "http://127.0.0.1:1",
            "scalableapp.leader-election.enabled",
            "true",
            "scalableapp.leader-election.lease-name",
            lease,
            "scalableapp.leader-election.lease-namespace",
            cluster.name(),
            "scalableapp.leader-election.identity",
            identity,
            "scalableapp.leader-election.lease-duration",
            LEASE_DURATION.toSeconds() + "s",
            "scalableapp.leader-election.renew-deadline",
            "5s",
            "scalableapp.leader-election.retry-period",
            "1s"));
    return OperatorProcess.start(identity, settings);
  }

  private String holder() {
    return holder(LEASE);
  }

  private String holder(String name) {
    Lease lease = cluster.client().leases().inNamespace(cluster.name()).withName(name).get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  private void createApp(String name) {
    cluster.client().resource(TestApps.app(name, cluster.name())).create();
  }

  private long createdEvents(String app) {
    return AppAssertions.eventCount(
        cluster.client(),
        cluster.name(),
        app,
        "Created",
        e -> e.getMessage().startsWith("Created Deployment"));
  }

  @Test
  void theStandbyTakesOverFromAKilledLeaderAndOnlyTheLeaderEverWrites() throws Exception {
    try (OperatorProcess first = start("operator-a");
        OperatorProcess second = start("operator-b")) {
      await().atMost(TIMEOUT).until(() -> holder() != null);
      OperatorProcess leader = "operator-a".equals(holder()) ? first : second;
      OperatorProcess standby = leader == first ? second : first;
      String standbyName = leader == first ? "operator-b" : "operator-a";
      await().atMost(TIMEOUT).until(() -> leader.isReady() && standby.isReady());

      IntStream.range(0, 4).forEach(i -> createApp("app-" + i));
      IntStream.range(0, 4)
          .forEach(
              i ->
                  awaitApp(
                      cluster.client(), cluster.name(), "app-" + i, hasCondition("Ready", "True")));
      assertThat(standby.metric("scalableapp_reconciliations_started_total"))
          .as("the standby reconciles nothing while it does not hold the lease")
          .isZero();

      long killedAt = System.nanoTime();
      leader.kill();
      await()
          .atMost(TIMEOUT)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> standbyName.equals(holder()));
      Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
      LOG.info(
          "Takeover after SIGKILL of the leader: {} ms (lease duration {})",
          takeover.toMillis(),
          LEASE_DURATION);

      // The new leader converges old apps changed after the kill and new ones alike.
      cluster
          .client()
          .resources(ScalableApp.class)
          .inNamespace(cluster.name())
          .withName("app-0")
          .edit(
              a -> {
                a.getSpec().setImage(TestApps.NEW_IMAGE);
                return a;
              });
      createApp("app-after-takeover");
      awaitApp(
          cluster.client(),
          cluster.name(),
          "app-0",
          observed(2).and(hasCondition("Ready", "True")));
      awaitApp(
          cluster.client(), cluster.name(), "app-after-takeover", hasCondition("Ready", "True"));
      assertThat(standby.metric("scalableapp_reconciliations_started_total")).isPositive();
      IntStream.range(0, 4)
          .forEach(
              i ->
                  assertThat(createdEvents("app-" + i))
                      .as("app-%d's Deployment was created once, by one operator", i)
                      .isEqualTo(1));
    }
  }

  /**
   * JOSDK runs event sources on a standby too: its CDN cleanup must not act. With the leader frozen
   * (SIGSTOP, so it sends nothing and still holds the Lease), deleting a Cloudflare app must send
   * Cloudflare nothing at all; once the leader runs again, or the standby has taken the Lease over,
   * the app's rules are removed and the app is gone.
   */
  @Test
  void aStandbySendsCloudflareNothingWhenACdnAppIsDeleted() throws Exception {
    String lease = LEASE + "-cdn";
    String token = "cfle" + UUID.randomUUID().toString().replace("-", "");
    try (CloudflareStandIn cloudflare = new CloudflareStandIn(token);
        OperatorProcess first = start("operator-c", lease, allowing(cloudflare));
        OperatorProcess second = start("operator-d", lease, allowing(cloudflare))) {
      // Two JVMs starting at once on a busy machine have taken 90 s to elect.
      await().atMost(STARTUP).until(() -> holder(lease) != null);
      String leaderName = holder(lease);
      OperatorProcess leader = "operator-c".equals(leaderName) ? first : second;
      OperatorProcess standby = leader == first ? second : first;
      await().atMost(STARTUP).until(() -> leader.isReady() && standby.isReady());
      cluster
          .client()
          .secrets()
          .inNamespace(cluster.name())
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("cloudflare")
                  .endMetadata()
                  .addToStringData("apiToken", token)
                  .build())
          .create();
      cluster.client().resource(cloudflareApp("cdn-app", cloudflare)).create();
      awaitApp(cluster.client(), cluster.name(), "cdn-app", hasCondition("CdnReady", "True"));
      assertThat(ourRules(cloudflare, "cdn-app")).isNotEmpty();

      leader.freeze();
      try {
        int before = cloudflare.requests().size();
        cluster
            .client()
            .resources(ScalableApp.class)
            .inNamespace(cluster.name())
            .withName("cdn-app")
            .delete();
        // Well inside the Lease (8 s): the standby cannot have become leader, so any request would
        // be its own.
        await()
            .during(Duration.ofSeconds(4))
            .atMost(Duration.ofSeconds(6))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> cloudflare.requests().size() == before);
        assertThat(holder(lease))
            .as("the frozen leader still holds the Lease")
            .isEqualTo(leaderName);
      } finally {
        leader.thaw();
      }
      await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  cluster
                          .client()
                          .resources(ScalableApp.class)
                          .inNamespace(cluster.name())
                          .withName("cdn-app")
                          .get()
                      == null);
      assertThat(ourRules(cloudflare, "cdn-app"))
          .as("the app's rules are removed once, by a leader")
          .isEmpty();
    }
  }

  /** The operator's allowlist naming the stand-in, which is not Cloudflare's own API. */
  private static Map<String, String> allowing(CloudflareStandIn cloudflare) {
    return Map.of("scalableapp.cdn.cloudflare.api-base-urls", cloudflare.baseUrl().toString());
  }

  private ScalableApp cloudflareApp(String name, CloudflareStandIn cloudflare) {
    return CloudflareApps.app(
        name, cluster.name(), "shop.example.com", CloudflareCdnIT.ZONE, cloudflare.baseUrl());
  }

  private List<ObjectNode> ourRules(CloudflareStandIn cloudflare, String app) {
    return cloudflare.rules(CloudflareCdnIT.ZONE).stream()
        .filter(
            r ->
                r.get("ref").asText().startsWith("scalableapp:" + cluster.name() + "/" + app + ":"))
        .toList();
  }
}
