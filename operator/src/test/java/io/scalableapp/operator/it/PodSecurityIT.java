package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.condition;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.SecurityProfile;
import io.scalableapp.operator.status.Conditions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In a namespace that enforces Pod Security "restricted", the API server's PodSecurity admission
 * judges the pods.
 */
class PodSecurityIT {
  @RegisterExtension
  static final ClusterNamespace cluster =
      ClusterNamespace.withPrefix("restricted")
          .withLabel("pod-security.kubernetes.io/enforce", "restricted")
          .withOperator();

  private void create(String name, SecurityProfile profile) {
    ScalableApp app = TestApps.app(name, cluster.name());
    app.getSpec().setSecurityProfile(profile);
    cluster.client().resource(app).create();
  }

  private List<Pod> pods(String app) {
    return cluster
        .client()
        .pods()
        .inNamespace(cluster.name())
        .withLabel("app.kubernetes.io/instance", app)
        .list()
        .getItems();
  }

  @Test
  void restrictedAppsArePodsTheNamespaceAdmits() {
    create("locked", SecurityProfile.Restricted);

    ScalableApp ready =
        awaitApp(
            cluster.client(), cluster.name(), "locked", hasCondition(Conditions.READY, "True"));

    assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(2);
    assertThat(pods("locked"))
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
              assertThat(
                      p.getSpec()
                          .getContainers()
                          .get(0)
                          .getSecurityContext()
                          .getCapabilities()
                          .getDrop())
                  .containsExactly("ALL");
            });
  }

  @Test
  void baselineAppsAreRefusedThereAndSayWhy() {
    create("open", SecurityProfile.Baseline);

    ScalableApp refused =
        awaitApp(
            cluster.client(), cluster.name(), "open", hasCondition(Conditions.DEGRADED, "True"));

    assertThat(condition(refused, Conditions.DEGRADED).getReason()).isEqualTo("ReplicaFailure");
    assertThat(condition(refused, Conditions.DEGRADED).getMessage())
        .contains("violates PodSecurity \"restricted");
    assertThat(condition(refused, Conditions.READY).getStatus()).isEqualTo("False");
    assertThat(pods("open")).isEmpty();
  }
}
