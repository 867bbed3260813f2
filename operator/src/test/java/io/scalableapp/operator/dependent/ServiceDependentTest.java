package io.scalableapp.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ServiceSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceDependentTest {

  @Test
  void forwardsTheServicePortToTheNamedContainerPort() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().getService().setPort(8081);
    app.getSpec().getService().setType(ServiceSpec.Type.NodePort);
    app.getSpec().getService().setAnnotations(Map.of("example.com/lb", "internal"));

    Service s = ServiceDependent.desired(app);

    assertThat(s.getSpec().getType()).isEqualTo("NodePort");
    assertThat(s.getSpec().getPorts().get(0).getPort()).isEqualTo(8081);
    assertThat(s.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
    assertThat(s.getSpec().getSelector())
        .isEqualTo(DeploymentDependent.desired(app, 1).getSpec().getSelector().getMatchLabels());
    assertThat(s.getMetadata().getAnnotations()).containsEntry("example.com/lb", "internal");
  }
}
