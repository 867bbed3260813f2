package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.TuningSpec;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API server refuses a bad spec.autoscaling.tuning with messages a person can act on; no
 * operator runs here.
 */
class TuningValidationIT {
  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("tuning-validation");

  private static ScalableApp tuned(String name, Consumer<TuningSpec> change) {
    ScalableApp app = TestApps.app(name, cluster.name());
    TestApps.enforcePrediction(app, 10);
    TuningSpec tuning = new TuningSpec();
    change.accept(tuning);
    app.getSpec().getAutoscaling().setTuning(tuning);
    return app;
  }

  private static void assertRejected(ScalableApp app, String message) {
    AppAssertions.assertRejected(cluster.client(), app, message);
  }

  /**
   * The app {@code name} with its tuning as JSON changed by {@code tuning}, untyped: the request
   * carries exactly that JSON, so the API server's defaults and checks apply, not the Java fields'
   * defaults and enums.
   */
  private static GenericKubernetesResource untyped(String name, Consumer<ObjectNode> tuning) {
    ObjectNode json = Serialization.jsonMapper().valueToTree(tuned(name, t -> {}));
    tuning.accept((ObjectNode) json.at("/spec/autoscaling/tuning"));
    return Serialization.jsonMapper().convertValue(json, GenericKubernetesResource.class);
  }

  private static Resource<GenericKubernetesResource> send(GenericKubernetesResource app) {
    return cluster
        .client()
        .genericKubernetesResources(ResourceDefinitionContext.fromResourceType(ScalableApp.class))
        .inNamespace(cluster.name())
        .resource(app);
  }

  @Test
  void anEmptyTuningGetsTheDefaultsAndOnlyRecommends() {
    send(untyped("defaults", ObjectNode::removeAll)).create();

    TuningSpec stored =
        cluster
            .client()
            .resources(ScalableApp.class)
            .inNamespace(cluster.name())
            .withName("defaults")
            .get()
            .getSpec()
            .getAutoscaling()
            .getTuning();
    assertThat(stored.getMode()).isEqualTo(TuningSpec.Mode.Recommend);
    assertThat(stored.getMinTargetCPUUtilizationPercentage()).isEqualTo(50);
    assertThat(stored.getMaxTargetCPUUtilizationPercentage()).isEqualTo(90);
    assertThat(stored.getMinScaleDownStabilizationSeconds()).isZero();
    assertThat(stored.getMaxScaleDownStabilizationSeconds()).isEqualTo(1800);
    assertThat(stored.getExtraCostPercent()).isZero();
    assertThat(stored.getValidation()).isEqualTo("1d");
    assertThat(stored.getFloors())
        .as("every floor family may be chosen")
        .containsExactly(TuningSpec.Floor.Forecast, TuningSpec.Floor.RecentLevelNoise);
  }

  @Test
  void anUnknownOrRepeatedFloorFamilyIsRefused() {
    assertThatThrownBy(
            () ->
                send(untyped("floor-unknown", t -> t.putArray("floors").add("RecentLevel")))
                    .create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(
            "spec.autoscaling.tuning.floors[0]: Unsupported value: \"RecentLevel\": supported values:"
                + " \"Forecast\", \"RecentLevelNoise\"");
    assertRejected(
        tuned(
            "floor-twice",
            t -> t.setFloors(List.of(TuningSpec.Floor.Forecast, TuningSpec.Floor.Forecast))),
        "autoscaling.tuning.floors must not name a family twice");
    ScalableApp hpaAlone = tuned("floor-none", t -> t.setFloors(List.of()));
    hpaAlone.getSpec().getPrediction().setMode(PredictionSpec.Mode.Auto);
    assertThat(
            cluster
                .client()
                .resource(hpaAlone)
                .create()
                .getSpec()
                .getAutoscaling()
                .getTuning()
                .getFloors())
        .as("[] is kept: the search tunes the HPA alone")
        .isEmpty();
  }

  @Test
  void aNarrowedFloorListOutsideAutoIsRefused() {
    String onlyUnderAuto =
        "autoscaling.tuning.floors chooses among floor families only under prediction.mode Auto;"
            + " Enforce always runs the forecast floor and Shadow none";
    assertRejected(
        tuned("floors-enforce", t -> t.setFloors(List.of(TuningSpec.Floor.RecentLevelNoise))),
        onlyUnderAuto);
    ScalableApp shadow = tuned("floors-shadow", t -> t.setFloors(List.of()));
    shadow.getSpec().getPrediction().setMode(PredictionSpec.Mode.Shadow);
    assertRejected(shadow, onlyUnderAuto);
    assertThat(
            cluster
                .client()
                .resource(
                    tuned(
                        "floors-both",
                        t ->
                            t.setFloors(
                                List.of(
                                    TuningSpec.Floor.RecentLevelNoise, TuningSpec.Floor.Forecast))))
                .create())
        .as("both families, in any order, are every mode's default")
        .isNotNull();
  }

  @Test
  void invertedBoundsAreRefused() {
    assertRejected(
        tuned(
            "targets",
            t -> {
              t.setMinTargetCPUUtilizationPercentage(80);
              t.setMaxTargetCPUUtilizationPercentage(60);
            }),
        "autoscaling.tuning.minTargetCPUUtilizationPercentage must not exceed maxTargetCPUUtilizationPercentage");
    assertRejected(
        tuned(
            "windows",
            t -> {
              t.setMinScaleDownStabilizationSeconds(900);
              t.setMaxScaleDownStabilizationSeconds(300);
            }),
        "autoscaling.tuning.minScaleDownStabilizationSeconds must not exceed maxScaleDownStabilizationSeconds");
  }

  @Test
  void boundsOutsideTheHpasRangeAreRefused() {
    assertRejected(
        tuned("target-high", t -> t.setMaxTargetCPUUtilizationPercentage(150)),
        "spec.autoscaling.tuning.maxTargetCPUUtilizationPercentage: Invalid value");
    assertRejected(
        tuned("window-long", t -> t.setMaxScaleDownStabilizationSeconds(7200)),
        "spec.autoscaling.tuning.maxScaleDownStabilizationSeconds: Invalid value");
    assertRejected(
        tuned("cost-negative", t -> t.setExtraCostPercent(-5)),
        "spec.autoscaling.tuning.extraCostPercent: Invalid value");
  }

  @Test
  void aValidationOutsideOneHourToSevenDaysOrLongerThanHalfTheLookbackIsRefused() {
    assertRejected(
        tuned("validation-short", t -> t.setValidation("30m")),
        "autoscaling.tuning.validation must be between 1h and 7d");
    assertRejected(
        tuned("validation-long", t -> t.setValidation("8d")),
        "autoscaling.tuning.validation must be between 1h and 7d");
    assertRejected(
        tuned("validation-past-lookback", t -> t.setValidation("4d")),
        "autoscaling.tuning.validation must be less than half of prediction.lookback");
    ScalableApp fits = tuned("validation-fits", t -> t.setValidation("3d"));
    assertThat(
            cluster
                .client()
                .resource(fits)
                .create()
                .getSpec()
                .getAutoscaling()
                .getTuning()
                .getValidation())
        .isEqualTo("3d");
  }

  @Test
  void tuningNeedsPredictionForTheHistoryAndAnHpa() {
    ScalableApp off = tuned("prediction-off", t -> {});
    off.getSpec().getPrediction().setMode(PredictionSpec.Mode.Off);
    assertRejected(
        off, "autoscaling.tuning replays the app's demand history, which prediction fetches");

    ScalableApp noHpa = tuned("no-hpa", t -> {});
    noHpa.getSpec().getAutoscaling().setEnabled(false);
    assertRejected(
        noHpa, "autoscaling.tuning tunes the HPA: autoscaling.enabled must not be false");
  }
}
