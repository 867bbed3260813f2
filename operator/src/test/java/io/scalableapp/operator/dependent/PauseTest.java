package io.scalableapp.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.events.RecordedEvents;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PauseTest {
  private static ScalableApp annotated(Map<String, String> annotations) {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getMetadata().setAnnotations(annotations);
    return app;
  }

  private static Optional<Deployment> runningAt(int replicas) {
    Deployment live = DeploymentDependent.desired(TestApps.app("shop", "prod"), 2);
    live.getSpec().setReplicas(replicas);
    return Optional.of(live);
  }

  @Test
  void withoutTheAnnotationsOrWithPausedFalseTheAppIsNotPaused() {
    assertThat(Pause.of(TestApps.app("shop", "prod"))).isEmpty();
    assertThat(Pause.of(annotated(Map.of(Pause.PAUSED, "false")))).isEmpty();
  }

  @Test
  void pausedTrueHoldsTheCurrentReplicas() {
    Pause pause = Pause.of(annotated(Map.of(Pause.PAUSED, "true"))).orElseThrow();

    assertThat(pause.heldReplicas(TestApps.app("shop", "prod"), runningAt(7))).isEqualTo(7);
    assertThat(pause.describe(7))
        .isEqualTo("Paused at the current 7 replicas by scalableapp.io/paused=true");
  }

  @Test
  void aCountWinsOverPausedTrueAsInKeda() {
    ScalableApp app = annotated(Map.of(Pause.PAUSED, "true", Pause.PAUSED_REPLICAS, "3"));

    assertThat(Pause.of(app).orElseThrow().heldReplicas(app, runningAt(7))).isEqualTo(3);
  }

  @Test
  void anUnreadableValueHoldsTheCurrentReplicasAndSaysWhy() {
    for (String bad : new String[] {"five", "0", "-2", "100000", ""}) {
      ScalableApp app = annotated(Map.of(Pause.PAUSED_REPLICAS, bad));
      Pause pause = Pause.of(app).orElseThrow();

      assertThat(pause.heldReplicas(app, runningAt(7))).as(bad).isEqualTo(7);
      assertThat(pause.describe(7))
          .as(bad)
          .isEqualTo(
              "scalableapp.io/paused-replicas must be a whole number of "
                  + "replicas from 1 to 10000, got \""
                  + bad
                  + "\"; paused at the current 7 replicas instead");
    }
    assertThat(Pause.of(annotated(Map.of(Pause.PAUSED, "yes"))).orElseThrow().problem())
        .isEqualTo("scalableapp.io/paused must be \"true\" or \"false\", got \"yes\"");
  }

  @Test
  void aPausedHpaIsPinnedAtTheHeldCountAndPinningIsTheOperatorsOwnMove() {
    ScalableApp app = annotated(Map.of(Pause.PAUSED_REPLICAS, "4"));
    HorizontalPodAutoscaler pinned = HorizontalPodAutoscalerDependent.desired(app, 4);
    HorizontalPodAutoscaler running =
        HorizontalPodAutoscalerDependent.desired(TestApps.app("shop", "prod"), 2);

    assertThat(pinned.getSpec().getMinReplicas()).isEqualTo(4);
    assertThat(pinned.getSpec().getMaxReplicas()).isEqualTo(4);
    var dependent = new HorizontalPodAutoscalerDependent(new RecordedEvents());
    assertThat(dependent.withFloorOf(HorizontalPodAutoscalerDependent.desired(app, 4), running))
        .isEqualTo(running);
    assertThat(
            dependent.withFloorOf(
                HorizontalPodAutoscalerDependent.desired(TestApps.app("shop", "prod"), 2), pinned))
        .isEqualTo(pinned);
  }
}
