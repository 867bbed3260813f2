package io.scalableapp.operator.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehaviorBuilder;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.replay.hpa.HpaScalingPolicy;
import io.scalableapp.engine.replay.hpa.HpaSettings;
import io.scalableapp.lab.AppProfile;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AppProfilesTest {
  private static final URI OPERATOR = URI.create("http://operator-default:9090");

  @Test
  void theProfileIsTheAppsOwnSettingsAsTheOperatorMapsThem() {
    ScalableApp app = TestApps.predicted("shop", "web", 12.5);
    app.getSpec().getReplicas().setMin(3);
    app.getSpec().getReplicas().setMax(40);
    app.getSpec().getAutoscaling().setTargetCPUUtilizationPercentage(60);
    app.getSpec().getPrediction().setModel(PredictionSpec.Model.HoltWinters);
    app.getSpec().getPrediction().setHorizon("7m");
    app.getSpec().getPrediction().setPrometheusUrl("http://prometheus.shop:9090");

    AppProfile profile = AppProfiles.of(app, OPERATOR);

    assertThat(profile.name()).isEqualTo("web/shop");
    assertThat(profile.prometheus()).isEqualTo(URI.create("http://prometheus.shop:9090"));
    assertThat(profile.query()).isEqualTo("demand");
    assertThat(profile.hpaTargetPercent()).isEqualTo(60);
    assertThat(profile.engine().targetPerReplica()).isEqualTo(12.5);
    assertThat(profile.engine().targetUtilization()).isEqualTo(0.6);
    assertThat(profile.engine().minReplicas()).isEqualTo(3);
    assertThat(profile.engine().maxReplicas()).isEqualTo(40);
    assertThat(profile.engine().model()).isEqualTo(ForecastModel.HOLT_WINTERS);
    assertThat(profile.engine().horizon()).contains(Duration.ofMinutes(7));
  }

  @Test
  void withoutItsOwnPrometheusTheOperatorsDefaultIsAsked() {
    assertThat(AppProfiles.of(TestApps.predicted("shop", "web", 1), OPERATOR).prometheus())
        .isEqualTo(URI.create("http://operator-default:9090"));
  }

  @Test
  void theFloorIsSizedForTheHpaTheReplayRunsEvenWhereTheAppHasNone() {
    ScalableApp app = TestApps.predicted("shop", "web", 1);
    app.getSpec().setResources(null); // no CPU request: the operator runs it without an HPA
    app.getSpec().getAutoscaling().setTargetCPUUtilizationPercentage(80);

    assertThat(AppProfiles.of(app, OPERATOR).engine().targetUtilization()).isEqualTo(0.8);
  }

  @Test
  void anAppWithoutPredictionSettingsIsRefusedByName() {
    assertThatThrownBy(() -> AppProfiles.of(TestApps.app("shop", "web"), OPERATOR))
        .hasMessageContaining("ScalableApp web/shop has no spec.prediction.query");
    ScalableApp noTarget = TestApps.predicted("shop", "web", 1);
    noTarget.getSpec().getPrediction().setTargetPerReplica(null);
    assertThatThrownBy(() -> AppProfiles.of(noTarget, OPERATOR))
        .hasMessageContaining("ScalableApp web/shop has no spec.prediction.targetPerReplica");
  }

  @Test
  void theReplayedHpaHasTheAppsBehaviorAndKubernetesDefaultsForWhatIsUnset() {
    ScalableApp app = TestApps.predicted("shop", "web", 1);
    app.getSpec().getAutoscaling().setTargetCPUUtilizationPercentage(60);
    assertThat(AppProfiles.of(app, OPERATOR).hpa())
        .isEqualTo(HpaSettings.kubernetesDefaults(60, app.getSpec().getReplicas().getMax()));

    app.getSpec()
        .getAutoscaling()
        .setBehavior(
            new HorizontalPodAutoscalerBehaviorBuilder()
                .withNewScaleDown()
                .withStabilizationWindowSeconds(900)
                .addNewPolicy()
                .withType("Pods")
                .withValue(2)
                .withPeriodSeconds(60)
                .endPolicy()
                .endScaleDown()
                .withNewScaleUp()
                .withStabilizationWindowSeconds(30)
                .withSelectPolicy("Max")
                .endScaleUp()
                .build());
    HpaSettings hpa = AppProfiles.of(app, OPERATOR).hpa();

    assertThat(hpa.targetUtilizationPercent()).isEqualTo(60);
    assertThat(hpa.scaleDownStabilization()).isEqualTo(Duration.ofMinutes(15));
    assertThat(hpa.scaleDownPolicies())
        .containsExactly(HpaScalingPolicy.pods(2, Duration.ofMinutes(1)));
    assertThat(hpa.scaleUpStabilization()).isEqualTo(Duration.ofSeconds(30));
    assertThat(hpa.scaleUpPolicies())
        .as("unset: Kubernetes' default")
        .isEqualTo(HpaSettings.kubernetesDefaults(60, 10).scaleUpPolicies());
  }

  @Test
  void aSelectPolicyTheModelCannotReplayIsRefusedByName() {
    ScalableApp app = TestApps.predicted("shop", "web", 1);
    app.getSpec()
        .getAutoscaling()
        .setBehavior(
            new HorizontalPodAutoscalerBehaviorBuilder()
                .withNewScaleDown()
                .withSelectPolicy("Disabled")
                .endScaleDown()
                .build());
    assertThatThrownBy(() -> AppProfiles.of(app, OPERATOR))
        .hasMessageContaining(
            "ScalableApp web/shop: autoscaling.behavior.scaleDown.selectPolicy Disabled cannot be "
                + "replayed");
  }
}
