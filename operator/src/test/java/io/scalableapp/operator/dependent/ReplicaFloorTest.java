package io.scalableapp.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.PredictionStatus;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import org.junit.jupiter.api.Test;

class ReplicaFloorTest {
  private static ScalableApp predictedWithRecordedFloor(
      String recordedMode, Integer recordedFloor) {
    ScalableApp app = TestApps.predicted("shop", "prod", 10);
    PredictionStatus recorded = new PredictionStatus();
    recorded.setMode(recordedMode);
    recorded.setRecommendedReplicas(recordedFloor);
    app.setStatus(new ScalableAppStatus());
    app.getStatus().setPrediction(recorded);
    return app;
  }

  @Test
  void beforeTheFirstEvaluationTheEnforcedFloorInStatusHolds() {
    assertThat(ReplicaFloor.recordedFloor(predictedWithRecordedFloor("Enforce", 6))).contains(6);
  }

  @Test
  void aShadowFloorOrAnAppNoLongerEnforcedFallsBackToReplicasMin() {
    assertThat(ReplicaFloor.recordedFloor(predictedWithRecordedFloor("Shadow", 6))).isEmpty();
    ScalableApp nowShadow = predictedWithRecordedFloor("Enforce", 6);
    nowShadow.getSpec().getPrediction().setMode(PredictionSpec.Mode.Shadow);
    assertThat(ReplicaFloor.recordedFloor(nowShadow)).isEmpty();
    assertThat(ReplicaFloor.recordedFloor(TestApps.app("plain", "prod"))).isEmpty();
  }

  @Test
  void underAutoTheFloorHoldsWhenStatusRecordsThatAutoWasEnforcing() {
    ScalableApp auto = predictedWithRecordedFloor("Enforce", 6);
    auto.getSpec().getPrediction().setMode(PredictionSpec.Mode.Auto);
    assertThat(ReplicaFloor.recordedFloor(auto)).contains(6);
    ScalableApp autoInShadow = predictedWithRecordedFloor("Shadow", 6);
    autoInShadow.getSpec().getPrediction().setMode(PredictionSpec.Mode.Auto);
    assertThat(ReplicaFloor.recordedFloor(autoInShadow)).isEmpty();
  }
}
