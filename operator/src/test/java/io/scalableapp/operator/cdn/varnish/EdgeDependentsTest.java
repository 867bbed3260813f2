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
    ConfigMap vcl = EdgeConfigMapDependent.desired(app, CdnSettings.defaults());
    Deployment edge = EdgeDeploymentDependent.desired(app, CdnSettings.defaults());

    String hash = vcl.getMetadata().getAnnotations().get(EdgeConfigMapDependent.VCL_HASH_ANNOTATION);
    assertThat(hash).isEqualTo(EdgeVcl.hash(vcl.getData().get(EdgeConfigMapDependent.VCL_KEY)));
    assertThat(edge.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry(EdgeConfigMapDependent.VCL_HASH_ANNOTATION, hash);
    assertThat(vcl.getData().get(EdgeConfigMapDependent.VCL_KEY)).contains(".host = \"shop.team.svc\";");

    app.getSpec().getCdn().getDefaults().setEdgeTtl("1m");
    assertThat(EdgeDeploymentDependent.desired(app, CdnSettings.defaults()).getSpec().getTemplate().getMetadata()
        .getAnnotations().get(EdgeConfigMapDependent.VCL_HASH_ANNOTATION)).isNotEqualTo(hash);
  }

  @Test
  void theAppsServiceNeverSelectsTheEdgePods() {
    ScalableApp app = app();
    var edgePodLabels = EdgeDeploymentDependent.desired(app, CdnSettings.defaults()).getSpec().getTemplate()
        .getMetadata().getLabels();
    assertThat(edgePodLabels.entrySet().containsAll(ChildLabels.selector(app).entrySet())).isFalse();
    assertThat(EdgeServiceDependent.desired(app).getSpec().getSelector()).isEqualTo(ChildLabels.edgeSelector(app));
    assertThat(edgePodLabels).containsAllEntriesOf(ChildLabels.edgeSelector(app));
  }

  @Test
  void theEdgeHpaScalesTheEdgeDeploymentWithinItsBounds() {
    ScalableApp app = app();
    var hpa = EdgeHorizontalPodAutoscalerDependent.desired(app);
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("shop-edge");
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
    var requests = EdgeDeploymentDependent.desired(app, CdnSettings.defaults()).getSpec().getTemplate().getSpec()
        .getContainers().get(0).getResources().getRequests();
    assertThat(requests).containsKey("cpu").as("the HPA measures CPU against the request");
  }

  @Test
  void withoutSpecCdnOnlyTheNamesRemainForJosdkToFindWhatToDelete() {
    ScalableApp app = TestApps.app("shop", "team");
    assertThat(EdgeDeploymentDependent.desired(app, CdnSettings.defaults()).getMetadata().getName())
        .isEqualTo("shop-edge");
    assertThat(EdgeConfigMapDependent.desired(app, CdnSettings.defaults()).getMetadata().getName())
        .isEqualTo("shop-edge");
  }
}
