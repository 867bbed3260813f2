package io.scalableapp.engine.replay.hpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HorizontalPodAutoscalerModelTest {

  private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
  private static final int MIN = 1;

  private final HorizontalPodAutoscalerModel hpa =
      new HorizontalPodAutoscalerModel(HpaSettings.kubernetesDefaults(70, 100));

  /** All pods ready, each at {@code utilization} of its request. */
  private static PodUsage ready(int pods, double utilization) {
    return new PodUsage(pods, 0, pods * utilization);
  }

  @Nested
  class ReplicaCalculation {

    @Test
    void staysPutWithinTenPercentOfTheTarget() {
      assertThat(hpa.sync(T0, 10, MIN, ready(10, 0.76))).isEqualTo(10);
      assertThat(hpa.sync(T0, 10, MIN, ready(10, 0.64))).isEqualTo(10);
    }

    @Test
    void scalesToTheRatioOfUtilisationToTargetRoundedUp() {
      assertThat(hpa.sync(T0, 10, MIN, ready(10, 0.785))).isEqualTo(12);
    }

    @Test
    void truncatesUtilisationToAWholePercentLikeTheController() {
      // 55.9 % reads as 55 %: 55/70 * 100 pods = 78.6 -> 79, where the exact ratio would give 80
      assertThat(hpa.sync(T0, 100, MIN, ready(100, 0.559))).isEqualTo(79);
    }

    @Test
    void treatsPodsThatAreNotReadyAsIdleWhenScalingUp() {
      // two ready pods at 100 %: alone they ask for 3, but with two starting pods counted at 0 %
      // the
      // average is 50 %, below target, so the controller holds
      assertThat(hpa.sync(T0, 2, MIN, new PodUsage(2, 0, 2.0))).isEqualTo(3);
      HorizontalPodAutoscalerModel other = new HorizontalPodAutoscalerModel(hpa.settings());
      assertThat(other.sync(T0, 4, MIN, new PodUsage(2, 2, 2.0))).isEqualTo(4);
    }

    @Test
    void scalesUpPastStartingPodsWhenLoadIsHighEvenCountingThemIdle() {
      // 2 ready at 400 % + 2 starting: 800/4 = 200 % -> 2.86 * 4 = 11.4 -> 12, capped by max(2x,
      // +4) = 8
      assertThat(hpa.sync(T0, 4, MIN, new PodUsage(2, 2, 8.0))).isEqualTo(8);
    }

    @Test
    void ignoresPodsThatAreNotReadyWhenScalingDown() {
      // 4 ready at 20 %: 20/70 * 4 = 1.1 -> 2; the 4 starting pods do not count
      assertThat(hpa.sync(T0, 8, MIN, new PodUsage(4, 4, 0.8))).isEqualTo(2);
    }

    @Test
    void doesNothingWithoutAReadyPodToMeasure() {
      assertThat(hpa.sync(T0, 3, MIN, new PodUsage(0, 3, 0))).isEqualTo(3);
    }
  }

  @Nested
  class Bounds {

    @Test
    void raisesToMinReplicasAtOnceIgnoringRateLimits() {
      assertThat(hpa.sync(T0, 4, 30, ready(4, 0.7))).isEqualTo(30);
    }

    @Test
    void neverScalesDownBelowMinReplicas() {
      assertThat(hpa.sync(T0, 10, 3, ready(10, 0.07))).isEqualTo(3);
    }

    @Test
    void neverExceedsMaxReplicas() {
      HorizontalPodAutoscalerModel small =
          new HorizontalPodAutoscalerModel(HpaSettings.kubernetesDefaults(70, 10));
      assertThat(small.sync(T0, 8, MIN, ready(8, 1.0))).isEqualTo(10);
      assertThat(small.sync(T0, 12, MIN, ready(12, 0.7))).isEqualTo(10);
    }
  }

  @Nested
  class ScaleUpRate {

    @Test
    void addsAtMostFourPodsOrDoublesPerFifteenSecondsWhicheverIsMore() {
      assertThat(hpa.sync(T0, 2, MIN, ready(2, 5.0))).isEqualTo(6);
      HorizontalPodAutoscalerModel other = new HorizontalPodAutoscalerModel(hpa.settings());
      assertThat(other.sync(T0, 10, MIN, ready(10, 5.0))).isEqualTo(20);
    }

    @Test
    void countsScaleUpsAlreadyMadeWithinThePeriod() {
      assertThat(hpa.sync(T0, 2, MIN, ready(2, 5.0))).isEqualTo(6);
      // 5 s later the period still holds the +4, so the limit is still computed from 2 pods
      assertThat(hpa.sync(T0.plusSeconds(5), 6, MIN, new PodUsage(2, 4, 10.0))).isEqualTo(6);
      // one full period later the limit restarts from 6: max(12, 10)
      assertThat(hpa.sync(T0.plusSeconds(15), 6, MIN, new PodUsage(2, 4, 10.0))).isEqualTo(12);
    }
  }

  @Nested
  class ScaleDownStabilisation {

    @Test
    void holdsTheHighestRecommendationOfTheLastFiveMinutes() {
      assertThat(hpa.sync(T0, 10, MIN, ready(10, 0.7))).isEqualTo(10);
      for (int s = 15; s < 300; s += 15) {
        assertThat(hpa.sync(T0.plusSeconds(s), 10, MIN, ready(10, 0.35)))
            .as("at %d s", s)
            .isEqualTo(10);
      }
      assertThat(hpa.sync(T0.plusSeconds(300), 10, MIN, ready(10, 0.35))).isEqualTo(5);
    }

    @Test
    void stepsDownThroughIntermediateRecommendations() {
      assertThat(hpa.sync(T0, 10, MIN, ready(10, 0.7))).isEqualTo(10);
      assertThat(hpa.sync(T0.plusSeconds(60), 10, MIN, ready(10, 0.55))).isEqualTo(10);
      assertThat(hpa.sync(T0.plusSeconds(120), 10, MIN, ready(10, 0.35))).isEqualTo(10);
      // the 10 has left the window; the 8 recommended at 60 s has not
      assertThat(hpa.sync(T0.plusSeconds(315), 10, MIN, ready(10, 0.35))).isEqualTo(8);
      assertThat(hpa.sync(T0.plusSeconds(375), 8, MIN, ready(8, 0.4375))).isEqualTo(5);
    }

    @Test
    void aLowerRecommendationDoesNotHideAHigherOneStillInTheWindow() {
      assertThat(hpa.sync(T0, 10, MIN, ready(10, 0.7))).isEqualTo(10);
      assertThat(hpa.sync(T0.plusSeconds(60), 10, MIN, ready(10, 0.42))).isEqualTo(10); // 6
      assertThat(hpa.sync(T0.plusSeconds(120), 10, MIN, ready(10, 0.56))).isEqualTo(10); // 8
      // the 10 has left the window: the highest left is the 8, recommended after the 6
      assertThat(hpa.sync(T0.plusSeconds(315), 10, MIN, ready(10, 0.35))).isEqualTo(8);
    }

    @Test
    void scaleUpHoldsTheLowestRecommendationOfItsWindow() {
      HpaSettings defaults = HpaSettings.kubernetesDefaults(70, 100);
      HorizontalPodAutoscalerModel slowUp =
          new HorizontalPodAutoscalerModel(
              new HpaSettings(
                  70,
                  defaults.tolerance(),
                  defaults.syncPeriod(),
                  Duration.ofMinutes(1),
                  defaults.scaleDownStabilization(),
                  defaults.scaleUpPolicies(),
                  defaults.scaleDownPolicies(),
                  100));
      assertThat(slowUp.sync(T0, 4, MIN, ready(4, 0.7))).isEqualTo(4);
      assertThat(slowUp.sync(T0.plusSeconds(15), 4, MIN, ready(4, 1.4))).isEqualTo(4); // 8
      assertThat(slowUp.sync(T0.plusSeconds(30), 4, MIN, ready(4, 1.05))).isEqualTo(4); // 6
      // the 4 has left the minute: the lowest left is the 6, recommended after the 8
      assertThat(slowUp.sync(T0.plusSeconds(60), 4, MIN, ready(4, 1.4))).isEqualTo(6);
    }

    @Test
    void refusesASyncEarlierThanTheLastOne() {
      hpa.sync(T0.plusSeconds(15), 10, MIN, ready(10, 0.7));
      assertThatThrownBy(() -> hpa.sync(T0, 10, MIN, ready(10, 0.7)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("time order");
    }

    @Test
    void scaleUpIsNotStabilised() {
      assertThat(hpa.sync(T0, 10, MIN, ready(10, 0.35))).isEqualTo(5);
      assertThat(hpa.sync(T0.plusSeconds(15), 5, MIN, ready(5, 1.4))).isEqualTo(10);
    }
  }
}
