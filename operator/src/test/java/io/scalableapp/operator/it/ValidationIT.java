package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API server itself rejects bad specs, with messages a person can act on; no operator runs
 * here.
 */
class ValidationIT {
  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("validation");

  private static void assertRejected(ScalableApp app, String message) {
    AppAssertions.assertRejected(cluster.client(), app, message);
  }

  private ScalableApp valid(String name) {
    return TestApps.app(name, cluster.name());
  }

  @Test
  void minAboveMax() {
    ScalableApp app = valid("bounds");
    app.getSpec().getReplicas().setMin(6);
    assertRejected(app, "replicas.min must be less than or equal to replicas.max");
  }

  @Test
  void portOutOfRange() {
    ScalableApp app = valid("port");
    app.getSpec().setPort(70000);
    assertRejected(
        app,
        "spec.port: Invalid value: 70000: spec.port in body should be less than or equal to 65535");
  }

  @Test
  void missingImage() {
    ScalableApp app = valid("noimage");
    app.getSpec().setImage(null);
    assertRejected(app, "spec.image: Required value");
  }

  @Test
  void nameTooLongForDerivedPodNames() {
    ScalableApp app = valid("a".repeat(47));
    assertRejected(app, "metadata.name must be at most 46 characters");
  }

  @Test
  void nameThatCannotNameAService() {
    ScalableApp app = valid("1shop");
    assertRejected(app, "metadata.name must start with a lowercase letter");
  }

  @Test
  void autoscalingWithoutCpuRequest() {
    ScalableApp app = valid("nocpu");
    app.getSpec().setResources(null);
    app.getSpec().getAutoscaling().setEnabled(true);
    assertRejected(app, "resources.requests.cpu is required while autoscaling is enabled");
  }

  @Test
  void predictionWithoutQuery() {
    ScalableApp app = valid("noquery");
    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Enforce);
    app.getSpec().getPrediction().setTargetPerReplica(10.0);
    assertRejected(app, "prediction.query is required unless prediction.mode is Off");
  }

  @Test
  void predictionWithANonPositiveTarget() {
    ScalableApp app = valid("zerotarget");
    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Shadow);
    app.getSpec().getPrediction().setQuery("up");
    app.getSpec().getPrediction().setTargetPerReplica(0.0);
    assertRejected(app, "prediction.targetPerReplica must be greater than 0");
  }

  @Test
  void predictionWithAnUnreadableDuration() {
    ScalableApp app = valid("badduration");
    app.getSpec().getPrediction().setLookback("a week");
    assertRejected(app, "spec.prediction.lookback in body should match");
  }

  @Test
  void leftUnsetAutoscalingNeedsNoCpuRequest() {
    ScalableApp app = valid("unset");
    app.getSpec().setResources(null);
    cluster.client().resource(app).create();
  }

  /** Issue 7: this patch used to be admitted, and prediction then died in the engine. */
  @Test
  void aPatchedLookbackTheEngineCannotUseIsRefused() {
    cluster.client().resource(valid("patched")).create();

    assertThatThrownBy(
            () ->
                cluster
                    .client()
                    .resources(ScalableApp.class)
                    .inNamespace(cluster.name())
                    .withName("patched")
                    .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"prediction\":{\"lookback\":\"1m\"}}}"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("prediction.lookback must be at least 1h");
  }

  @Test
  void withoutAutoscalingNoCpuRequestIsNeeded() {
    ScalableApp app = valid("fixed");
    app.getSpec().setResources(null);
    app.getSpec().getAutoscaling().setEnabled(false);
    cluster.client().resource(app).create();
  }

  @Test
  void autoModeWithoutAnHpaToCompareWith() {
    ScalableApp app = valid("auto-nohpa");
    TestApps.enforcePrediction(app, 10);
    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Auto);
    app.getSpec().getAutoscaling().setEnabled(false);
    assertRejected(
        app,
        "prediction.mode Auto compares the forecast with the HPA and enforces it only when it does "
            + "better: it needs an HPA, so autoscaling.enabled must not be false");
  }

  @Test
  void autoModeWithAnHpaIsAccepted() {
    ScalableApp app = valid("auto-hpa");
    TestApps.enforcePrediction(app, 10);
    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Auto);
    org.assertj.core.api.Assertions.assertThat(
            cluster.client().resource(app).create().getSpec().getPrediction().getMode())
        .isEqualTo(PredictionSpec.Mode.Auto);
  }
}
