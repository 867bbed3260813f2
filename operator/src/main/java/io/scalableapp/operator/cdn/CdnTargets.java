package io.scalableapp.operator.cdn;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.scalableapp.engine.text.UntrustedText;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.cdn.CloudflareSpec;
import io.scalableapp.operator.cdn.CdnTarget.CloudflareAccess;
import io.scalableapp.operator.cdn.CdnTarget.VarnishEdge;
import io.scalableapp.operator.cdn.varnish.EdgeConfigMapDependent;
import io.scalableapp.operator.cdn.varnish.EdgeDeploymentDependent;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Resolves what a provider call needs for an app: the edge pods' addresses, or the Cloudflare zone
 * and token.
 */
public final class CdnTargets {
  private CdnTargets() {}

  /**
   * The target for {@code provider}; {@code cloudflare} is the app's spec.cdn.cloudflare, or, once
   * spec.cdn is gone, the settings status.cdn kept so the operator can still remove what it made.
   */
  public static CdnTarget resolve(
      ScalableApp app,
      String provider,
      Optional<CloudflareSpec> cloudflare,
      KubernetesClient client,
      CdnRuntime runtime,
      Optional<ConfigMap> edgeConfigMap) {
    CdnSettings settings = runtime.settings();
    var meta = app.getMetadata();
    Optional<CloudflareAccess> cloudflareAccess = Optional.empty();
    Optional<VarnishEdge> varnish = Optional.empty();
    if (provider.equals("cloudflare")) {
      CloudflareSpec spec =
          cloudflare.orElseThrow(
              () ->
                  new CdnProviderException(
                      "ProviderSettingsMissing",
                      "cdn.cloudflare is not set and status.cdn kept no Cloudflare settings"));
      if (!settings.cloudflareApiAllowed(spec.apiBaseUrlOrDefault())) {
        throw new CdnProviderException(
            "ApiBaseUrlNotAllowed",
            "cdn.cloudflare.apiBaseUrl "
                + UntrustedText.excerpt(spec.apiBaseUrlOrDefault(), 200)
                + " is not one the operator may call: it calls "
                + CloudflareSpec.DEFAULT_API_BASE_URL
                + " and the URLs its scalableapp.cdn.cloudflare.api-base-urls "
                + "setting lists (nothing was sent there)");
      }
      cloudflareAccess =
          Optional.of(
              new CloudflareAccess(
                  spec.getZoneId(),
                  URI.create(spec.apiBaseUrlOrDefault()),
                  runtime
                      .credentials()
                      .token(
                          meta.getNamespace(),
                          spec.getCredentialsSecretRef().getName(),
                          spec.getCredentialsSecretRef().getKey(),
                          () -> apiToken(client, meta.getNamespace(), spec))));
    } else if (provider.equals("varnish")) {
      // The edge pods are listed only when a purge is sent (once per rollout), not on every
      // reconcile.
      varnish =
          Optional.of(
              new VarnishEdge(
                  settings.varnishPurgeAddresses().isEmpty()
                      ? () -> edgePodAddresses(client, app)
                      : settings::varnishPurgeAddresses,
                  edgeConfigMap
                      .map(c -> c.getMetadata().getAnnotations())
                      .map(a -> a.get(EdgeConfigMapDependent.VCL_HASH_ANNOTATION)),
                  settings.purgeTokens().tokenFor(meta.getUid())));
    }
    return new CdnTarget(
        meta.getNamespace(), meta.getName(), meta.getUid(), cloudflareAccess, varnish);
  }

  /** The token from the Secret the app names; messages name the Secret and key, never the value. */
  static String apiToken(KubernetesClient client, String namespace, CloudflareSpec spec) {
    var ref = spec.getCredentialsSecretRef();
    Secret secret;
    try {
      secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
    } catch (KubernetesClientException e) {
      throw new CdnProviderException(
          "CredentialsUnreadable", "cannot read Secret " + ref.getName() + ": HTTP " + e.getCode());
    }
    if (secret == null) {
      throw new CdnProviderException(
          "CredentialsMissing",
          "Secret " + ref.getName() + " does not exist in namespace " + namespace);
    }
    if (secret.getData() != null && secret.getData().containsKey(ref.getKey())) {
      return new String(
              Base64.getDecoder().decode(secret.getData().get(ref.getKey())),
              StandardCharsets.UTF_8)
          .strip();
    }
    if (secret.getStringData() != null && secret.getStringData().containsKey(ref.getKey())) {
      return secret.getStringData().get(ref.getKey()).strip();
    }
    throw new CdnProviderException(
        "CredentialsMissing", "Secret " + ref.getName() + " has no key " + ref.getKey());
  }

  /**
   * The purge listener of every ready edge pod: the pods' addresses from the edge Service's
   * EndpointSlices, at the purge port, which the Service itself does not expose.
   */
  static List<InetSocketAddress> edgePodAddresses(KubernetesClient client, ScalableApp app) {
    List<InetSocketAddress> addresses = new ArrayList<>();
    var slices =
        client
            .discovery()
            .v1()
            .endpointSlices()
            .inNamespace(app.getMetadata().getNamespace())
            .withLabel("kubernetes.io/service-name", ChildLabels.edgeName(app))
            .list()
            .getItems();
    for (EndpointSlice slice : slices) {
      if (slice.getEndpoints() == null) continue;
      for (Endpoint endpoint : slice.getEndpoints()) {
        boolean ready =
            endpoint.getConditions() == null
                || !Boolean.FALSE.equals(endpoint.getConditions().getReady());
        if (!ready || endpoint.getAddresses() == null) continue;
        endpoint
            .getAddresses()
            .forEach(
                ip ->
                    addresses.add(
                        InetSocketAddress.createUnresolved(
                            ip, EdgeDeploymentDependent.PURGE_PORT)));
      }
    }
    return addresses;
  }
}
