package io.scalableapp.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehaviorBuilder;
import io.scalableapp.engine.auto.TunedPolicy;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicySwitchHoldTest {
  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  private static final TunedPolicy USER = TunedPolicy.reactive(70, Duration.ofMinutes(5));
  private static final TunedPolicy TUNED = TunedPolicy.reactive(85, Duration.ofMinutes(30));

  private static ScalableApp app() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getSpec().getReplicas().setMax(20);
    return app;
  }

  private static HorizontalPodAutoscaler live(
      TunedPolicy running, Optional<PolicySwitchHold> hold) {
    return HorizontalPodAutoscalerDependent.desired(app(), 2, running, hold);
  }

  @Test
  void switchingToATunedPolicyHoldsTheRunningReplicasForTheLongerWindow() {
    Optional<PolicySwitchHold> hold =
        PolicySwitchHold.of(
            Optional.of(live(USER, Optional.empty())), TUNED, true, Optional.of(9), false, NOW);

    assertThat(hold).contains(new PolicySwitchHold(9, NOW.plus(Duration.ofMinutes(30))));
    HorizontalPodAutoscaler desired =
        HorizontalPodAutoscalerDependent.desired(app(), 2, TUNED, hold);
    assertThat(desired.getSpec().getMinReplicas())
        .as("the running replicas, above the floor")
        .isEqualTo(9);
    assertThat(
            desired.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization())
        .isEqualTo(85);
    assertThat(desired.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds())
        .isEqualTo(1800);
    assertThat(desired.getMetadata().getAnnotations())
        .containsEntry(PolicySwitchHold.ANNOTATION, "9@2026-12-07T02:30:00Z")
        .containsKey(PolicySwitchHold.TUNED);
  }

  @Test
  void theHoldIsKeptFromTheHpaUntilItEndsAndNeverExceedsMax() {
    HorizontalPodAutoscaler switched =
        live(TUNED, Optional.of(new PolicySwitchHold(25, NOW.plusSeconds(60))));

    Optional<PolicySwitchHold> kept =
        PolicySwitchHold.of(Optional.of(switched), TUNED, true, Optional.of(3), false, NOW);
    assertThat(kept).contains(new PolicySwitchHold(25, NOW.plusSeconds(60)));
    assertThat(
            HorizontalPodAutoscalerDependent.desired(app(), 2, TUNED, kept)
                .getSpec()
                .getMinReplicas())
        .as("capped at replicas.max")
        .isEqualTo(20);
    assertThat(
            PolicySwitchHold.of(
                Optional.of(switched), TUNED, true, Optional.of(3), false, NOW.plusSeconds(61)))
        .isEmpty();
  }

  @Test
  void switchingBackToTheUsersPolicyIsHeldTooEvenAfterTuningIsRemoved() {
    Optional<PolicySwitchHold> hold =
        PolicySwitchHold.of(
            Optional.of(live(TUNED, Optional.empty())), USER, false, Optional.of(6), false, NOW);
    assertThat(hold).contains(new PolicySwitchHold(6, NOW.plus(Duration.ofMinutes(30))));
  }

  @Test
  void anUntunedAppsOwnEditsAreNotHeldAndAnUntunedHpaCarriesNoAnnotation() {
    HorizontalPodAutoscaler plain = live(USER, Optional.empty());
    assertThat(plain.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(
            PolicySwitchHold.of(
                Optional.of(plain),
                TunedPolicy.reactive(60, Duration.ofMinutes(5)),
                false,
                Optional.of(6),
                false,
                NOW))
        .isEmpty();
  }

  @Test
  void aFloorThatStopsBeingEnforcedIsHeldAtTheRunningReplicasOnce() {
    HorizontalPodAutoscaler enforcing = live(USER, Optional.empty());
    enforcing.getMetadata().setAnnotations(Map.of(PolicySwitchHold.FLOOR_ENFORCED, "true"));

    assertThat(PolicySwitchHold.of(Optional.of(enforcing), USER, false, Optional.of(12), true, NOW))
        .as("still enforced: the engine lowers its own floor gradually")
        .isEmpty();
    Optional<PolicySwitchHold> released =
        PolicySwitchHold.of(Optional.of(enforcing), USER, false, Optional.of(12), false, NOW);
    assertThat(released)
        .as("demoted, or set to Shadow or Off: the HPA's own window, at least 5 minutes")
        .contains(new PolicySwitchHold(12, NOW.plus(Duration.ofMinutes(5))));

    HorizontalPodAutoscaler held = live(USER, released);
    assertThat(held.getSpec().getMinReplicas()).isEqualTo(12);
    assertThat(held.getMetadata().getAnnotations())
        .as("the marker goes with the release, so the hold is made once")
        .doesNotContainKey(PolicySwitchHold.FLOOR_ENFORCED);
    assertThat(PolicySwitchHold.of(Optional.of(held), USER, false, Optional.of(12), false, NOW))
        .contains(new PolicySwitchHold(12, NOW.plus(Duration.ofMinutes(5))));
    assertThat(
            PolicySwitchHold.of(
                Optional.of(held), USER, false, Optional.of(12), false, NOW.plusSeconds(301)))
        .as("then it ends by itself")
        .isEmpty();
  }

  @Test
  void aTunedWindowKeepsTheRestOfTheUsersBehavior() {
    ScalableApp app = app();
    app.getSpec()
        .getAutoscaling()
        .setBehavior(
            new HorizontalPodAutoscalerBehaviorBuilder()
                .withNewScaleDown()
                .withStabilizationWindowSeconds(600)
                .withSelectPolicy("Min")
                .endScaleDown()
                .build());
    HorizontalPodAutoscaler hpa =
        HorizontalPodAutoscalerDependent.desired(app, 2, TUNED, Optional.empty());
    assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds())
        .isEqualTo(1800);
    assertThat(hpa.getSpec().getBehavior().getScaleDown().getSelectPolicy()).isEqualTo("Min");
    assertThat(
            app.getSpec()
                .getAutoscaling()
                .getBehavior()
                .getScaleDown()
                .getStabilizationWindowSeconds())
        .as("the spec is not changed")
        .isEqualTo(600);
  }

  @Test
  void aGarbledHoldIsIgnored() {
    HorizontalPodAutoscaler hpa = live(TUNED, Optional.empty());
    hpa.getMetadata().getAnnotations().put(PolicySwitchHold.ANNOTATION, "nine@soon");
    assertThat(PolicySwitchHold.parse(hpa)).isEmpty();
  }
}
