package io.scalableapp.engine.replay.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReactiveFrontierTest {

  // higher target: cheaper and more often short
  private final ReactiveFrontier frontier =
      new ReactiveFrontier(
          List.of(
              new FrontierPoint(80, 100, 50),
              new FrontierPoint(40, 200, 10),
              new FrontierPoint(60, 140, 30)));

  @Test
  void sweepsTheTargetsFortyToEightyInStepsOfFive() {
    assertThat(ReactiveFrontier.TARGETS).containsExactly(40, 45, 50, 55, 60, 65, 70, 75, 80, 85);
  }

  @Test
  void interpolatesLinearlyBetweenTheTargetsThatBracketTheCost() {
    SameCost c = frontier.compare(120, 20);

    assertThat(c.position()).isEqualTo(SameCost.Position.WITHIN_FRONTIER);
    assertThat(c.frontierUnderProvisionedMinutes()).isCloseTo(40, within(1e-9));
    assertThat(c.reduction()).isCloseTo(0.5, within(1e-9));
    assertThat(c.conclusive()).isTrue();
    assertThat(frontier.compare(170, 40).frontierUnderProvisionedMinutes())
        .isCloseTo(20, within(1e-9));
    assertThat(frontier.compare(170, 40).reduction()).isCloseTo(-1.0, within(1e-9));
  }

  @Test
  void aPolicyCheaperThanEveryTargetIsComparedWithTheCheapestAndConclusiveOnlyIfNotWorse() {
    SameCost better = frontier.compare(90, 45);
    SameCost worse = frontier.compare(90, 60);

    assertThat(better.position()).isEqualTo(SameCost.Position.CHEAPER_THAN_FRONTIER);
    assertThat(better.frontierUnderProvisionedMinutes()).isEqualTo(50);
    assertThat(better.conclusive()).isTrue();
    assertThat(worse.conclusive()).isFalse();
  }

  @Test
  void aPolicyCostlierThanEveryTargetIsNeverConclusive() {
    SameCost c = frontier.compare(250, 1);

    assertThat(c.position()).isEqualTo(SameCost.Position.COSTLIER_THAN_FRONTIER);
    assertThat(c.frontierUnderProvisionedMinutes()).isEqualTo(10);
    assertThat(c.conclusive()).isFalse();
  }

  @Test
  void noMissesOnEitherSideIsNoReduction() {
    ReactiveFrontier perfect =
        new ReactiveFrontier(List.of(new FrontierPoint(80, 100, 0), new FrontierPoint(40, 200, 0)));

    assertThat(perfect.compare(150, 0).reduction()).isZero();
    assertThat(perfect.compare(150, 2).reduction()).isNegative();
  }
}
