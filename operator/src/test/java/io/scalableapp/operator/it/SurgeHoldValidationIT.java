package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.SurgeHoldSpec;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API server refuses a bad spec.prediction.surgeHold with messages a person can act on; no
 * operator runs here.
 */
class SurgeHoldValidationIT {
  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("surge-validation");

  private static ScalableApp withSurgeHold(String name, Consumer<SurgeHoldSpec> change) {
    ScalableApp app = TestApps.app(name, cluster.name());
    TestApps.enforcePrediction(app, 10);
    SurgeHoldSpec surge = new SurgeHoldSpec();
    change.accept(surge);
    app.getSpec().getPrediction().setSurgeHold(surge);
    return app;
  }

  private static void assertRejected(ScalableApp app, String message) {
    AppAssertions.assertRejected(cluster.client(), app, message);
  }

  @Test
  void anEmptySurgeHoldGetsTheDefaults() {
    // Untyped, so the request carries surgeHold: {} and the defaults are the API server's, not the
    // Java fields'.
    ObjectNode json = Serialization.jsonMapper().valueToTree(withSurgeHold("defaults", s -> {}));
    ((ObjectNode) json.at("/spec/prediction/surgeHold")).removeAll();
    GenericKubernetesResource untyped =
        Serialization.jsonMapper().convertValue(json, GenericKubernetesResource.class);
    cluster
        .client()
        .genericKubernetesResources(ResourceDefinitionContext.fromResourceType(ScalableApp.class))
        .inNamespace(cluster.name())
        .resource(untyped)
        .create();

    SurgeHoldSpec stored =
        cluster
            .client()
            .resources(ScalableApp.class)
            .inNamespace(cluster.name())
            .withName("defaults")
            .get()
            .getSpec()
            .getPrediction()
            .getSurgeHold();
    assertThat(stored.getJumpRatio()).isEqualTo(1.25);
    assertThat(stored.getHoldFor()).isEqualTo("1h");
  }

  @Test
  void aRatioThatIsNotAJumpIsRefused() {
    String message =
        "prediction.surgeHold.jumpRatio must be above 1 (a jump is demand above its recent level)";
    assertRejected(withSurgeHold("ratio-one", s -> s.setJumpRatio(1.0)), message);
    assertRejected(withSurgeHold("ratio-below", s -> s.setJumpRatio(0.5)), message);
    assertRejected(withSurgeHold("ratio-huge", s -> s.setJumpRatio(1000.0)), message);
    assertThat(
            cluster
                .client()
                .resource(withSurgeHold("ratio-two", s -> s.setJumpRatio(2.0)))
                .create()
                .getSpec()
                .getPrediction()
                .getSurgeHold()
                .getJumpRatio())
        .isEqualTo(2.0);
  }

  @Test
  void aHoldOutsideOneMinuteToSixHoursIsRefused() {
    String message = "prediction.surgeHold.holdFor must be between 1m and 6h";
    assertRejected(withSurgeHold("hold-short", s -> s.setHoldFor("30s")), message);
    assertRejected(withSurgeHold("hold-long", s -> s.setHoldFor("7h")), message);
    assertRejected(
        withSurgeHold("hold-unreadable", s -> s.setHoldFor("an hour")),
        "spec.prediction.surgeHold.holdFor in body should match");
  }

  @Test
  void aHoldTheLookbackCannotRecomputeIsRefused() {
    ScalableApp app = withSurgeHold("hold-past-lookback", s -> s.setHoldFor("1h"));
    app.getSpec().getPrediction().setLookback("1h");

    assertRejected(app, "prediction.surgeHold.holdFor plus 10m must fit in prediction.lookback");
    ScalableApp fits = withSurgeHold("hold-fits", s -> s.setHoldFor("50m"));
    fits.getSpec().getPrediction().setLookback("1h");
    assertThat(
            cluster
                .client()
                .resource(fits)
                .create()
                .getSpec()
                .getPrediction()
                .getSurgeHold()
                .getHoldFor())
        .isEqualTo("50m");
  }
}
