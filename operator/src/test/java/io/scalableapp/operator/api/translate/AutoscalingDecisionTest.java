package io.scalableapp.operator.api.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ReplicasSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppSpec;
import org.junit.jupiter.api.Test;

class AutoscalingDecisionTest {

  @Test
  void theMinimalManifestRunsWithoutAnHpa() {
    ScalableApp app = TestApps.app("web", "prod");
    app.setSpec(new ScalableAppSpec());
    app.getSpec().setImage("nginx:1.27");

    assertThat(AutoscalingDecision.of(app))
        .extracting(AutoscalingDecision::active, AutoscalingDecision::reason)
        .containsExactly(false, "NoCPURequest");
  }

  @Test
  void unsetWithACpuRequestAndRoomToScaleRunsAnHpa() {
    ScalableApp app = TestApps.app("web", "prod");

    assertThat(app.getSpec().getAutoscaling().getEnabled()).isNull();
    assertThat(AutoscalingDecision.of(app).active()).isTrue();
    assertThat(AutoscalingDecision.of(app).message()).contains("between 2 and 5 replicas");
  }

  @Test
  void equalMinAndMaxNeverGetAnHpaEvenWhenEnabled() {
    ScalableApp app = TestApps.app("web", "prod");
    app.getSpec().setReplicas(new ReplicasSpec(3, 3));
    app.getSpec().getAutoscaling().setEnabled(true);

    assertThat(AutoscalingDecision.of(app))
        .extracting(AutoscalingDecision::active, AutoscalingDecision::reason)
        .containsExactly(false, "FixedReplicas");
  }

  @Test
  void explicitlyDisabledWins() {
    ScalableApp app = TestApps.app("web", "prod");
    app.getSpec().getAutoscaling().setEnabled(false);

    assertThat(AutoscalingDecision.of(app))
        .extracting(AutoscalingDecision::active, AutoscalingDecision::reason)
        .containsExactly(false, "Disabled");
    assertThat(AutoscalingDecision.isActive(app)).isFalse();
  }
}
