package io.scalableapp.operator.cdn.varnish;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.cdn.CdnSettings;
import org.junit.jupiter.api.Test;

/** The edge's objects as the dependents want them, without a cluster. */
class EdgeDependentsTest {
  private static ScalableApp app() {
    ScalableApp app = TestApps.app("shop", "team");
    CdnSpec cdn = new CdnSpec();
    cdn.setProvider(CdnSpec.Provider.varnish);
    app.getSpec().setCdn(cdn);
    return app;
  }

  @Test
  void theEdgePodsRunTheGeneratedVclAndRollWhenItChanges() {
    ScalableApp app = app();
    ConfigMap vcl = EdgeConfigMapDependent.desired(app);
    Deployment edge = EdgeDeploymentDependent.desired(app, CdnSettings.defaults());

    String hash =
        vcl.getMetadata().getAnnotations().get(EdgeConfigMapDependent.VCL_HASH_ANNOTATION);
    assertThat(hash).isEqualTo(EdgeVcl.hash(vcl.getData().get(EdgeConfigMapDependent.VCL_KEY)));
    assertThat(edge.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry(EdgeConfigMapDependent.VCL_HASH_ANNOTATION, hash);
    assertThat(vcl.getData().get(EdgeConfigMapDependent.VCL_KEY))
        .contains(".host = \"shop.team.svc\";");

    app.getSpec().getCdn().getDefaults().setEdgeTtl("1m");
    assertThat(
            EdgeDeploymentDependent.desired(app, CdnSettings.defaults())
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(EdgeConfigMapDependent.VCL_HASH_ANNOTATION))
        .isNotEqualTo(hash);
  }

  @Test
  void thePurgeListenerIsInThePodWithTheAppsTokenButNotBehindTheService() {
    ScalableApp app = app();
    app.getMetadata().setUid("3f1e0c52-uid");
    CdnSettings settings = CdnSettings.defaults();
    Deployment edge = EdgeDeploymentDependent.desired(app, settings);
    var pod = edge.getSpec().getTemplate().getSpec();
    var container = pod.getContainers().get(0);
    assertThat(String.join(" ", container.getArgs()))
        .contains("-a http=:8080,HTTP")
        .contains("-a purge=:" + EdgeDeploymentDependent.PURGE_PORT + ",HTTP");
    assertThat(EdgeServiceDependent.desired(app).getSpec().getPorts())
        .noneMatch(
            p ->
                p.getTargetPort().getIntVal() != null && p.getTargetPort().getIntVal() == 8081
                    || "purge".equals(p.getTargetPort().getStrVal()));
    assertThat(pod.getVolumes())
        .anyMatch(
            v -> v.getSecret() != null && v.getSecret().getSecretName().equals("shop-edge-purge"));
    assertThat(container.getVolumeMounts())
        .anyMatch(m -> m.getMountPath().equals("/etc/varnish/purge"));

    var secret = EdgePurgeSecretDependent.desired(app, settings);
    String tokenVcl =
        new String(
            java.util.Base64.getDecoder()
                .decode(secret.getData().get(EdgePurgeSecretDependent.KEY)),
            java.nio.charset.StandardCharsets.UTF_8);
    String token = settings.purgeTokens().tokenFor("3f1e0c52-uid");
    assertThat(tokenVcl).contains("\"" + token + "\"");
    assertThat(secret.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo("3f1e0c52-uid"));
    assertThat(edge.toString() + EdgeConfigMapDependent.desired(app).toString())
        .doesNotContain(token);
    assertThat(edge.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsKey(EdgeDeploymentDependent.PURGE_TOKEN_ANNOTATION);
  }

  @Test
  void theAppsServiceNeverSelectsTheEdgePods() {
    ScalableApp app = app();
    var edgePodLabels =
        EdgeDeploymentDependent.desired(app, CdnSettings.defaults())
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getLabels();
    assertThat(edgePodLabels.entrySet().containsAll(ChildLabels.selector(app).entrySet()))
        .isFalse();
    assertThat(EdgeServiceDependent.desired(app).getSpec().getSelector())
        .isEqualTo(ChildLabels.edgeSelector(app));
    assertThat(edgePodLabels).containsAllEntriesOf(ChildLabels.edgeSelector(app));
  }

  @Test
  void theEdgeHpaScalesTheEdgeDeploymentWithinItsBounds() {
    ScalableApp app = app();
    var hpa = EdgeHorizontalPodAutoscalerDependent.desired(app);
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("shop-edge");
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
    var requests =
        EdgeDeploymentDependent.desired(app, CdnSettings.defaults())
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
            .getResources()
            .getRequests();
    assertThat(requests).containsKey("cpu").as("the HPA measures CPU against the request");
  }

  @Test
  void withoutSpecCdnOnlyTheNamesRemainForJosdkToFindWhatToDelete() {
    ScalableApp app = TestApps.app("shop", "team");
    assertThat(EdgeDeploymentDependent.desired(app, CdnSettings.defaults()).getMetadata().getName())
        .isEqualTo("shop-edge");
    assertThat(EdgeConfigMapDependent.desired(app).getMetadata().getName()).isEqualTo("shop-edge");
  }
}
