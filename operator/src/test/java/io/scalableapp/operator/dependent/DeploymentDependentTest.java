package io.scalableapp.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.HttpProbeSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.SecurityProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentDependentTest {

  @Test
  void runsTheImageOnTheDeclaredPortWithMatchingSelector() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().setPort(9000);
    app.getSpec().setEnv(List.of(new EnvVar("MODE", "live", null)));

    Deployment d = DeploymentDependent.desired(app, 2);

    assertThat(d.getMetadata().getName()).isEqualTo("shop");
    assertThat(d.getMetadata().getNamespace()).isEqualTo("prod");
    assertThat(d.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "scalableapp-operator");
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo(TestApps.IMAGE);
    assertThat(c.getPorts().get(0).getContainerPort()).isEqualTo(9000);
    assertThat(c.getEnv()).extracting(EnvVar::getName).containsExactly("MODE");
    assertThat(c.getResources().getRequests()).containsKey("cpu");
    assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void baselineKeepsTheImagesOwnUser() {
    ScalableApp app = TestApps.app("shop", "prod");

    Deployment d = DeploymentDependent.desired(app, 1);

    assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext()).isNull();
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext())
        .isNull();
  }

  @Test
  void restrictedMeetsPodSecurityRestricted() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().setSecurityProfile(SecurityProfile.Restricted);

    Deployment d = DeploymentDependent.desired(app, 1);

    var pod = d.getSpec().getTemplate().getSpec().getSecurityContext();
    assertThat(pod.getRunAsNonRoot()).isTrue();
    assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    var container = d.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext();
    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
  }

  @Test
  void leavesReplicasToTheHpaWhileAutoscaling() {
    ScalableApp app = TestApps.app("shop", "prod");

    assertThat(DeploymentDependent.desired(app, 3).getSpec().getReplicas()).isNull();
  }

  @Test
  void setsReplicasToTheFloorWithoutAutoscaling() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().getAutoscaling().setEnabled(false);

    assertThat(DeploymentDependent.desired(app, 3).getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void probesTheNamedPortOnlyWhenAsked() {
    ScalableApp app = TestApps.app("shop", "prod");
    HttpProbeSpec readiness = new HttpProbeSpec();
    readiness.setPath("/healthz");
    readiness.setPeriodSeconds(5);
    app.getSpec().getProbes().setReadiness(readiness);

    Container c =
        DeploymentDependent.desired(app, 1)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(c.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(c.getReadinessProbe().getPeriodSeconds()).isEqualTo(5);
    assertThat(c.getLivenessProbe()).isNull();
  }
}
