package io.scalableapp.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ReplicasSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppSpec;
import org.junit.jupiter.api.Test;

class AutoscalingEnabledTest {

  @Test
  void theMinimalManifestRunsWithoutAnHpa() {
    ScalableApp app = TestApps.app("web", "prod");
    app.setSpec(new ScalableAppSpec());
    app.getSpec().setImage("nginx:1.27");

    assertThat(AutoscalingEnabled.decide(app)).extracting(AutoscalingEnabled.Decision::active,
        AutoscalingEnabled.Decision::reason).containsExactly(false, "NoCPURequest");
  }

  @Test
  void unsetWithACpuRequestAndRoomToScaleRunsAnHpa() {
    ScalableApp app = TestApps.app("web", "prod");

    assertThat(app.getSpec().getAutoscaling().getEnabled()).isNull();
    assertThat(AutoscalingEnabled.decide(app).active()).isTrue();
    assertThat(AutoscalingEnabled.decide(app).message()).contains("between 2 and 5 replicas");
  }

  @Test
  void equalMinAndMaxNeverGetAnHpaEvenWhenEnabled() {
    ScalableApp app = TestApps.app("web", "prod");
    app.getSpec().setReplicas(new ReplicasSpec(3, 3));
    app.getSpec().getAutoscaling().setEnabled(true);

    assertThat(AutoscalingEnabled.decide(app)).extracting(AutoscalingEnabled.Decision::active,
        AutoscalingEnabled.Decision::reason).containsExactly(false, "FixedReplicas");
  }

  @Test
  void explicitlyDisabledWins() {
    ScalableApp app = TestApps.app("web", "prod");
    app.getSpec().getAutoscaling().setEnabled(false);

    assertThat(AutoscalingEnabled.decide(app)).extracting(AutoscalingEnabled.Decision::active,
        AutoscalingEnabled.Decision::reason).containsExactly(false, "Disabled");
    assertThat(AutoscalingEnabled.isActive(app)).isFalse();
  }
}
