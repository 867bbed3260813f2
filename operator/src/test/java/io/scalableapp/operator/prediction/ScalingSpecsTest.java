package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Seasonality;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScalingSpecsTest {

  @Test
  void carriesEverySettingIntoTheEngine() {
    ScalableApp app = TestApps.app("shop", "prod");
    PredictionSpec p = app.getSpec().getPrediction();
    p.setMode(PredictionSpec.Mode.Enforce);
    p.setQuery("sum(rate(http_requests_total[2m]))");
    p.setTargetPerReplica(50.0);
    p.setHorizon("3m");
    p.setLookback("14d");
    p.setSeasonality(PredictionSpec.Seasonality.Weekly);
    p.setModel(PredictionSpec.Model.HoltWinters);
    p.setHeadroomPercent(25);
    p.setScaleUpReplicasPerMinute(4);
    p.setScaleDownPercentPerMinute(10);
    p.setScaleDownStabilization("10m");
    p.setHoldOnMetricsLoss("15m");
    p.setMaxForecastErrorPercent(30);

    AppScalingSpec spec = ScalingSpecs.of(app, Duration.ofMinutes(1));

    assertThat(spec.mode()).isEqualTo(ScalingMode.ENFORCE);
    assertThat(spec.targetPerReplica()).isEqualTo(50.0);
    assertThat(spec.minReplicas()).isEqualTo(2);
    assertThat(spec.maxReplicas()).isEqualTo(5);
    assertThat(spec.horizon()).contains(Duration.ofMinutes(3));
    assertThat(spec.lookback()).isEqualTo(Duration.ofDays(14));
    assertThat(spec.seasonality()).isEqualTo(Seasonality.WEEKLY);
    assertThat(spec.model()).isEqualTo(ForecastModel.HOLT_WINTERS);
    assertThat(spec.headroom()).isEqualTo(0.25);
    assertThat(spec.scaleUpReplicasPerMinute()).isEqualTo(4);
    assertThat(spec.scaleDownFractionPerMinute()).isEqualTo(0.10);
    assertThat(spec.scaleDownStabilization()).isEqualTo(Duration.ofMinutes(10));
    assertThat(spec.holdDuration()).isEqualTo(Duration.ofMinutes(15));
    assertThat(spec.maxForecastError()).isEqualTo(0.30);
    assertThat(spec.targetUtilization()).as("the HPA's CPU target").isEqualTo(0.70);
  }

  @Test
  void withoutAnHpaTheFloorKeepsReplicasAtTheirTarget() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().getAutoscaling().setEnabled(false);
    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Enforce);
    app.getSpec().getPrediction().setTargetPerReplica(5.0);

    assertThat(ScalingSpecs.of(app, Duration.ofMinutes(1)).targetUtilization()).isEqualTo(1.0);
  }

  @Test
  void withoutAHorizonTheEngineLearnsItAndZeroMeansNoScaleUpLimit() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Shadow);
    app.getSpec().getPrediction().setTargetPerReplica(5.0);

    AppScalingSpec spec = ScalingSpecs.of(app, Duration.ofMinutes(1));

    assertThat(spec.horizon()).isEmpty();
    assertThat(spec.scaleUpReplicasPerMinute()).isEqualTo(Integer.MAX_VALUE);
  }
}
