package io.scalableapp.operator.api.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.decision.SurgeHold;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Seasonality;
import io.scalableapp.engine.schedule.FloorSchedule;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSchedule;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.SurgeHoldSpec;
import java.time.Duration;
import java.util.List;
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
    assertThat(spec.surgeHold()).as("absent: off").isEmpty();
  }

  @Test
  void aSurgeHoldCarriesItsRatioAndDurationAndItsDefaultsAreTheLabsChoice() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Enforce);
    app.getSpec().getPrediction().setTargetPerReplica(5.0);
    SurgeHoldSpec surge = new SurgeHoldSpec();
    app.getSpec().getPrediction().setSurgeHold(surge);

    assertThat(ScalingSpecs.of(app, Duration.ofMinutes(1)).surgeHold())
        .contains(new SurgeHold(1.25, Duration.ofHours(1)));

    surge.setJumpRatio(2.0);
    surge.setHoldFor("15m");
    assertThat(ScalingSpecs.of(app, Duration.ofMinutes(1)).surgeHold())
        .contains(new SurgeHold(2.0, Duration.ofMinutes(15)));
  }

  private static PredictionSchedule schedule(
      String name, String timeZone, Integer minReplicas, Integer floorCap) {
    PredictionSchedule s = new PredictionSchedule();
    s.setName(name);
    s.setCron("0 22 * * *");
    s.setTimeZone(timeZone);
    s.setDuration("8h");
    s.setMinReplicas(minReplicas);
    s.setFloorCap(floorCap);
    return s;
  }

  @Test
  void schedulesBecomeRaisesAndCapsAndTheFallbackKeepsThem() {
    ScalableApp app = TestApps.app("shop", "prod");
    TestApps.enforcePrediction(app, 10);
    app.getSpec()
        .getPrediction()
        .setSchedules(
            List.of(
                schedule("sale", "UTC", 12, null), schedule("nights", "Europe/Paris", null, 3)));

    for (AppScalingSpec spec :
        List.of(
            ScalingSpecs.of(app, Duration.ofMinutes(1)),
            ScalingSpecs.fallback(app, Duration.ofMinutes(1)))) {
      assertThat(spec.schedules())
          .extracting(FloorSchedule::name, FloorSchedule::kind, FloorSchedule::replicas)
          .containsExactly(
              tuple("sale", FloorSchedule.Kind.RAISE, 12),
              tuple("nights", FloorSchedule.Kind.CAP, 3));
    }
  }

  @Test
  void anUnknownTimeZoneIsAnInvalidSettingNamingTheSchedule() {
    ScalableApp app = TestApps.app("shop", "prod");
    TestApps.enforcePrediction(app, 10);
    app.getSpec()
        .getPrediction()
        .setSchedules(List.of(schedule("nights", "Europe/Atlantis", null, 3)));

    assertThatThrownBy(() -> ScalingSpecs.of(app, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "schedule nights: time zone Europe/Atlantis is not an IANA time zone such as Europe/Paris");
    assertThat(ScalingSpecs.fallback(app, Duration.ofMinutes(1)).schedules()).isEmpty();
  }
}
