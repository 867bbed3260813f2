package io.scalableapp.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.scalableapp.operator.api.ReplicasSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppSpec;

/** Valid ScalableApps for tests, to be tweaked by each test. */
public final class TestApps {
  private TestApps() {}

  public static ScalableApp app(String name, String namespace) {
    ScalableAppSpec spec = new ScalableAppSpec();
    spec.setImage("registry.example/shop:1.0");
    spec.setReplicas(new ReplicasSpec(2, 5));
    spec.setResources(new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity("100m")).build());
    ScalableApp app = new ScalableApp();
    app.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).withGeneration(1L).build());
    app.setSpec(spec);
    return app;
  }
}
