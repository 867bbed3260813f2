package io.scalableapp.operator.cdn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.cdn.CloudflareSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cloudflare zones the operator may have written an app's rules to, in an annotation on the
 * app, written <em>before</em> the rules are: status.cdn is written after the call and can be lost
 * (a failed write, a reconcile that read an older status), and a zone left out of the record would
 * keep the app's rules for good. Each entry is the zone, the API and the Secret to reach it with
 * (names, never a token). Pruned once the rules of a zone the app no longer names are removed
 * (zoneId or apiBaseUrl changed), and removed with spec.cdn.
 */
public final class CloudflareZones {
  public static final String ANNOTATION = "cdn.scalableapp.io/cloudflare-zones";
  private static final Logger LOG = LoggerFactory.getLogger(CloudflareZones.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private CloudflareZones() {}

  /**
   * The zones recorded on the app, with the one status.cdn kept (an app from before the
   * annotation).
   */
  public static List<CloudflareSpec> recorded(ScalableApp app) {
    List<CloudflareSpec> zones = new ArrayList<>();
    Map<String, String> annotations = app.getMetadata().getAnnotations();
    String text = annotations == null ? null : annotations.get(ANNOTATION);
    if (text != null) {
      try {
        zones.addAll(JSON.readValue(text, new TypeReference<List<CloudflareSpec>>() {}));
      } catch (JsonProcessingException e) {
        LOG.warn(
            "{}/{}: annotation {} is not the operator's JSON; ignoring it",
            app.getMetadata().getNamespace(),
            app.getMetadata().getName(),
            ANNOTATION);
      }
    }
    Optional.ofNullable(app.getStatus())
        .map(s -> s.getCdn())
        .map(c -> c.getCloudflare())
        .filter(z -> zones.stream().noneMatch(known -> known.equals(z)))
        .ifPresent(zones::add);
    return zones;
  }

  /**
   * Whether two entries are the same zone at the same API: then replacing the rules there is
   * enough.
   */
  public static boolean sameZone(CloudflareSpec a, CloudflareSpec b) {
    return Objects.equals(a.getZoneId(), b.getZoneId())
        && CdnSettings.normalised(a.apiBaseUrlOrDefault())
            .equals(CdnSettings.normalised(b.apiBaseUrlOrDefault()));
  }

  /** Records {@code zones} on the app (none: removes the annotation). */
  static void record(KubernetesClient client, ScalableApp app, List<CloudflareSpec> zones) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
    if (zones.isEmpty()) {
      annotations.putNull(ANNOTATION);
    } else {
      try {
        annotations.put(
            ANNOTATION, JSON.writeValueAsString(zones.stream().map(CloudflareSpec::copy).toList()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write Cloudflare zones as JSON", e);
      }
    }
    client
        .resources(ScalableApp.class)
        .inNamespace(app.getMetadata().getNamespace())
        .withName(app.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
  }
}
