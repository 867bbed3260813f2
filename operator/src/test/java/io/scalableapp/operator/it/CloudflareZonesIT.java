package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.cdn.CdnFinalizer;
import io.scalableapp.operator.cdn.CdnSettings;
import io.scalableapp.operator.cdn.cloudflare.CloudflareStandIn;
import io.scalableapp.operator.cdn.cloudflare.CloudflareStandIn.Failure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cloudflare apps against an in-process operator and the Cloudflare stand-in: a stand-in that
 * trickles its answers stops only its own app, an apiBaseUrl outside the operator's allowlist gets
 * no request, and no zone keeps an app's rules once the app no longer names it (zone changed, or
 * spec.cdn gone while status.cdn was lost).
 */
class CloudflareZonesIT {
  static final String TOKEN = "cfzones" + UUID.randomUUID().toString().replace("-", "");
  static final String ZONE_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  static final String ZONE_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("cf-zones");

  static CloudflareStandIn cloudflare;
  static CloudflareStandIn trickling;
  static CloudflareStandIn notAllowed;
  static CdnSettings settings;
  static LocalCluster.RunningOperator operator;

  @BeforeAll
  static void start() throws Exception {
    cloudflare = new CloudflareStandIn(TOKEN);
    trickling = new CloudflareStandIn(TOKEN);
    trickling.failAll(Failure.TRICKLE);
    notAllowed = new CloudflareStandIn(TOKEN);
    cluster
        .client()
        .secrets()
        .inNamespace(cluster.name())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("cloudflare")
                .endMetadata()
                .addToStringData("apiToken", TOKEN)
                .build())
        .create();
    settings =
        CdnSettings.defaults()
            .withCallTimeout(CALL_TIMEOUT)
            .withCloudflareApiBaseUrls(
                List.of(cloudflare.baseUrl().toString(), trickling.baseUrl().toString()));
    operator = LocalCluster.startOperator(cluster, settings);
  }

  @AfterAll
  static void stop() {
    if (operator != null) operator.stop();
    for (CloudflareStandIn standIn : new CloudflareStandIn[] {cloudflare, trickling, notAllowed}) {
      if (standIn != null) standIn.close();
    }
  }

  static ScalableApp app(String name, String zone, CloudflareStandIn api) {
    return CloudflareApps.app(name, cluster.name(), name + ".example.com", zone, api.baseUrl());
  }

  static long rulesOf(String app, String zone) {
    return cloudflare.rules(zone).stream()
        .filter(
            r ->
                r.get("ref").asText().startsWith("scalableapp:" + cluster.name() + "/" + app + ":"))
        .count();
  }

  static ScalableApp awaitCdn(String app, String status, String reason) {
    return CloudflareApps.awaitCdn(cluster.client(), cluster.name(), app, status, reason);
  }

  static void patch(String app, String mergePatch) {
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName(app)
        .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
  }

  @Test
  void aTricklingApiStopsOnlyItsOwnAppWhichReportsProviderUnreachable() {
    // Same zone id as the calm app: before, the stuck call held the zone's lock without a bound.
    cluster.client().resource(app("stuck", ZONE_A, trickling)).create();
    await().atMost(Duration.ofSeconds(30)).until(() -> !trickling.requests().isEmpty());
    long created = System.nanoTime();
    cluster.client().resource(app("calm", ZONE_A, cloudflare)).create();

    awaitCdn("calm", "True", "Applied");
    System.out.printf(
        "CloudflareZonesIT: calm app CdnReady=True %d ms after it was created, beside a trickling one%n",
        (System.nanoTime() - created) / 1_000_000);
    assertThat(rulesOf("calm", ZONE_A)).isPositive();
    ScalableApp stuck = awaitCdn("stuck", "False", "ProviderUnreachable");
    assertThat(AppAssertions.condition(stuck, "CdnReady").getMessage())
        .contains("within " + CALL_TIMEOUT.toSeconds() + "s");

    // Its own reconciles are not parked in the call either: a new image reaches its Deployment.
    patch("stuck", "{\"spec\":{\"image\":\"" + TestApps.NEW_IMAGE + "\"}}");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                TestApps.NEW_IMAGE.equals(
                    cluster
                        .client()
                        .apps()
                        .deployments()
                        .inNamespace(cluster.name())
                        .withName("stuck")
                        .get()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage()));
  }

  @Test
  void anApiBaseUrlOutsideTheAllowlistGetsNoRequest() {
    cluster.client().resource(app("elsewhere", ZONE_A, notAllowed)).create();
    ScalableApp refused = awaitCdn("elsewhere", "False", "ApiBaseUrlNotAllowed");
    assertThat(AppAssertions.condition(refused, "CdnReady").getMessage())
        .contains("api-base-urls")
        .doesNotContain(TOKEN);
    assertThat(notAllowed.requests()).as("not one request, so the token went nowhere").isEmpty();
  }

  @Test
  void changingTheZoneRemovesTheAppsRulesFromTheOldOne() {
    cluster.client().resource(app("mover", ZONE_A, cloudflare)).create();
    awaitCdn("mover", "True", "Applied");
    assertThat(rulesOf("mover", ZONE_A)).isPositive();

    patch("mover", "{\"spec\":{\"cdn\":{\"cloudflare\":{\"zoneId\":\"" + ZONE_B + "\"}}}}");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> rulesOf("mover", ZONE_B) > 0 && rulesOf("mover", ZONE_A) == 0);
    awaitCdn("mover", "True", "Applied");
  }

  @Test
  void specCdnRemovedWhileItsStatusWasLostStillRemovesTheRules() {
    cluster.client().resource(app("brief", ZONE_A, cloudflare)).create();
    awaitCdn("brief", "True", "Applied");
    assertThat(rulesOf("brief", ZONE_A)).isPositive();

    // The operator's status write after the first apply lost (a failed write, or overwritten from
    // an older
    // status), then spec.cdn removed: status.cdn no longer says where the rules are.
    operator.stop();
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName("brief")
        .subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"cdn\":null}}");
    patch("brief", "{\"spec\":{\"cdn\":null}}");
    operator = LocalCluster.startOperator(cluster, settings);

    await().atMost(Duration.ofSeconds(60)).until(() -> rulesOf("brief", ZONE_A) == 0);
    AppAssertions.awaitApp(cluster.client(), cluster.name(), "brief", a -> !CdnFinalizer.isOn(a));
  }
}
