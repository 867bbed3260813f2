package io.scalableapp.operator.it;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.cdn.CacheRuleSpec;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.api.cdn.CloudflareSpec;
import io.scalableapp.operator.api.cdn.SecretKeyRef;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Cloudflare apps for the ITs: the token in Secret cloudflare (key apiToken), a /static/ rule
 * cached for a day.
 */
final class CloudflareApps {
  private CloudflareApps() {}

  static ScalableApp app(
      String name,
      String namespace,
      String host,
      String zone,
      URI apiBaseUrl,
      CacheRuleSpec... moreRules) {
    ScalableApp app = TestApps.app(name, namespace);
    CdnSpec cdn = new CdnSpec();
    cdn.setProvider(CdnSpec.Provider.cloudflare);
    cdn.setHosts(List.of(host));
    CacheRuleSpec statics = new CacheRuleSpec();
    statics.setName("static");
    statics.setPathPrefix("/static/");
    statics.setTtl("1d");
    List<CacheRuleSpec> rules = new ArrayList<>(List.of(statics));
    rules.addAll(List.of(moreRules));
    cdn.setRules(rules);
    CloudflareSpec settings = new CloudflareSpec();
    settings.setZoneId(zone);
    settings.setCredentialsSecretRef(new SecretKeyRef("cloudflare", "apiToken"));
    settings.setApiBaseUrl(apiBaseUrl.toString());
    cdn.setCloudflare(settings);
    app.getSpec().setCdn(cdn);
    return app;
  }

  /** The app once CdnReady has {@code status} with {@code reason}. */
  static ScalableApp awaitCdn(
      KubernetesClient client, String namespace, String app, String status, String reason) {
    return AppAssertions.awaitApp(
        client,
        namespace,
        app,
        a ->
            AppAssertions.hasCondition("CdnReady", status).test(a)
                && reason.equals(AppAssertions.condition(a, "CdnReady").getReason()));
  }
}
