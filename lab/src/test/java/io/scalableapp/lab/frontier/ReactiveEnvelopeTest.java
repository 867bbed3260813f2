package io.scalableapp.lab.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.replay.frontier.SameCost;
import io.scalableapp.engine.replay.hpa.HpaSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReactiveEnvelopeTest {

  private static final Duration FIVE = Duration.ofMinutes(5);
  private static final Duration HOUR = Duration.ofMinutes(60);

  // the default window through its targets, and a one-hour window that is cheaper for the same
  // misses at 60 %
  private final SweepPoint t80 = new SweepPoint(80, FIVE, 100, 50);
  private final SweepPoint t60 = new SweepPoint(60, FIVE, 140, 30);
  private final SweepPoint t40 = new SweepPoint(40, FIVE, 200, 10);
  private final SweepPoint hour70 = new SweepPoint(70, HOUR, 120, 20);
  private final SweepPoint hour40 = new SweepPoint(40, HOUR, 260, 12); // dominated by t40
  private final ReactiveEnvelope envelope =
      new ReactiveEnvelope(List.of(t80, t60, t40, hour70, hour40));

  @Test
  void keepsOnlyThePointsNoOtherBeatsOnBothCostAndMisses() {
    assertThat(envelope.envelope()).containsExactly(t80, hour70, t40);
    assertThat(envelope.onEnvelope(t60)).isFalse();
    assertThat(envelope.points()).hasSize(5);
  }

  @Test
  void theSameCostHpaIsTheBestOfEitherKnob() {
    // at 140 replica-hours: the default window alone has 30 misses, the envelope 20 + (140-120)/80
    // x (10-20)
    SameCost c = envelope.compare(140, 15);

    assertThat(c.frontierUnderProvisionedMinutes()).isCloseTo(17.5, within(1e-9));
    assertThat(c.position()).isEqualTo(SameCost.Position.WITHIN_FRONTIER);
  }

  @Test
  void equalCostKeepsTheFewerMisses() {
    SweepPoint tie = new SweepPoint(75, HOUR, 100, 40);

    assertThat(new ReactiveEnvelope(List.of(t80, tie, t40)).envelope()).containsExactly(tie, t40);
  }

  @Test
  void aLonePointIsStillAComparison() {
    ReactiveEnvelope one = new ReactiveEnvelope(List.of(t40, new SweepPoint(45, FIVE, 180, 10)));

    assertThat(one.envelope()).containsExactly(new SweepPoint(45, FIVE, 180, 10));
    assertThat(one.compare(170, 5).position()).isEqualTo(SameCost.Position.CHEAPER_THAN_FRONTIER);
  }

  @Test
  void sweepsLongerScaleDownWindowsThanTheDefault() {
    assertThat(StabilisationSweep.LONGER_WINDOWS)
        .containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(60));
    assertThat(StabilisationSweep.DEFAULT_WINDOW).isEqualTo(FIVE);
    StabilisationSweep sweep =
        new StabilisationSweep(
            new FrontierRuns(70, 1, t -> null), 1, HpaSettings.kubernetesDefaults(70, 200));
    assertThat(sweep.settings(55, HOUR).scaleDownStabilization()).isEqualTo(HOUR);
    assertThat(sweep.settings(55, HOUR).targetUtilizationPercent()).isEqualTo(55);
  }
}
