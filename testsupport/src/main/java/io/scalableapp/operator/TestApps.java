package io.scalableapp.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ReplicasSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppSpec;

/** Valid ScalableApps for tests, to be tweaked by each test. */
public final class TestApps {
  // Real, tiny images, so the same tests pass on Kind (which runs them) as on kwok (which does
  // not).
  public static final String IMAGE = "registry.k8s.io/pause:3.9";
  public static final String NEW_IMAGE = "registry.k8s.io/pause:3.10";
  public static final String OTHER_IMAGE = "registry.k8s.io/pause:3.8";

  private TestApps() {}

  public static ScalableApp app(String name, String namespace) {
    ScalableAppSpec spec = new ScalableAppSpec();
    spec.setImage(IMAGE);
    spec.setReplicas(new ReplicasSpec(2, 5));
    spec.setResources(
        new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity("100m")).build());
    ScalableApp app = new ScalableApp();
    app.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(namespace).withGeneration(1L).build());
    app.setSpec(spec);
    return app;
  }

  /**
   * An app whose prediction is enforced on the query "demand" at {@code targetPerReplica}, replicas
   * 1 to 20.
   */
  public static ScalableApp predicted(String name, String namespace, double targetPerReplica) {
    ScalableApp app = app(name, namespace);
    app.getSpec().getReplicas().setMin(1);
    app.getSpec().getReplicas().setMax(20);
    enforcePrediction(app, targetPerReplica);
    return app;
  }

  /** Turns on enforced prediction on the query "demand" at {@code targetPerReplica}. */
  public static void enforcePrediction(ScalableApp app, double targetPerReplica) {
    PredictionSpec p = app.getSpec().getPrediction();
    p.setMode(PredictionSpec.Mode.Enforce);
    p.setQuery("demand");
    p.setTargetPerReplica(targetPerReplica);
  }
}
