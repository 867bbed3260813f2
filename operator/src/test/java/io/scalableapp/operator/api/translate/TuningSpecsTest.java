package io.scalableapp.operator.api.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.auto.FloorCandidate;
import io.scalableapp.engine.auto.FloorCandidates;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.TuningSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuningSpecsTest {

  private static ScalableApp tuned(PredictionSpec.Mode mode, TuningSpec.Floor... floors) {
    ScalableApp app = TestApps.app("shop", "prod");
    TestApps.enforcePrediction(app, 10);
    app.getSpec().getPrediction().setMode(mode);
    TuningSpec tuning = new TuningSpec();
    if (floors.length > 0) {
      tuning.setFloors(Arrays.asList(floors));
    }
    app.getSpec().getAutoscaling().setTuning(tuning);
    return app;
  }

  private static List<String> families(ScalableApp app) {
    return TuningSpecs.families(
            app,
            ScalingSpecs.of(app, Duration.ofMinutes(1)),
            new ReadyLatencyEstimator(),
            Duration.ofMinutes(5),
            ForecasterFactory.DEFAULT)
        .stream()
        .map(FloorCandidate::name)
        .toList();
  }

  @Test
  void theApisFloorNamesAreTheEngineFamiliesStatusShows() {
    assertThat(Arrays.stream(TuningSpec.Floor.values()).map(Enum::name))
        .containsExactlyElementsOf(FloorCandidates.ALLOWABLE);
  }

  @Test
  void underAutoTheSearchIsOfferedTheHpaAloneAndTheAllowedFloors() {
    assertThat(families(tuned(PredictionSpec.Mode.Auto)))
        .as("by default both floors")
        .containsExactly("None", "Forecast", "RecentLevelNoise");
    assertThat(families(tuned(PredictionSpec.Mode.Auto, TuningSpec.Floor.RecentLevelNoise)))
        .containsExactly("None", "RecentLevelNoise");
    ScalableApp hpaAlone = tuned(PredictionSpec.Mode.Auto);
    hpaAlone.getSpec().getAutoscaling().getTuning().setFloors(List.of());
    assertThat(families(hpaAlone)).containsExactly("None");
  }

  @Test
  void enforceAndShadowFixTheFloorWhateverFloorsSays() {
    assertThat(families(tuned(PredictionSpec.Mode.Enforce, TuningSpec.Floor.RecentLevelNoise)))
        .containsExactly("Forecast");
    assertThat(families(tuned(PredictionSpec.Mode.Shadow, TuningSpec.Floor.RecentLevelNoise)))
        .containsExactly("None");
  }

  @Test
  void changingTheAllowedFloorsStartsTheTuningAfresh() {
    assertThat(TuningSpecs.inputs(tuned(PredictionSpec.Mode.Auto, TuningSpec.Floor.Forecast)))
        .isNotEqualTo(
            TuningSpecs.inputs(tuned(PredictionSpec.Mode.Auto, TuningSpec.Floor.RecentLevelNoise)));
  }
}
