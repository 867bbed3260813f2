package io.scalableapp.engine.replay.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.replay.hpa.PodUsage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricsServerPipelineTest {

  private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
  private static final double CAPACITY = 10;

  /**
   * {@code ready} pods ready since long ago plus {@code fresh} pods that turned ready at {@code
   * freshSince}.
   */
  private static ClusterSnapshot tick(
      long second, int ready, int fresh, Instant freshSince, int starting, double demand) {
    Instant now = T0.plusSeconds(second);
    return new ClusterSnapshot(
        now,
        ready + fresh + starting,
        ready + fresh,
        starting,
        demand,
        CAPACITY,
        t -> ready + (t.isBefore(freshSince) ? 0 : fresh));
  }

  @Test
  void readsTheWindowThatClosedAtThisTickNotTheLoadOfThisTick() {
    MetricsServerPipeline metrics = new MetricsServerPipeline(Duration.ofSeconds(60));

    PodUsage first = metrics.read(tick(0, 10, 0, T0, 0, 50));
    PodUsage second = metrics.read(tick(15, 10, 0, T0, 0, 80));

    assertThat(first.readyPods()).as("no completed window yet: no metric").isZero();
    assertThat(second.readyUsage())
        .as("10 pods at 50 %, from the window 0..15 s")
        .isCloseTo(5.0, within(1e-9));
  }

  @Test
  void capsASaturatedPodAtItsLimit() {
    MetricsServerPipeline metrics = new MetricsServerPipeline(Duration.ofSeconds(60));

    metrics.read(tick(0, 10, 0, T0, 0, 300));
    PodUsage usage = metrics.read(tick(15, 10, 0, T0, 0, 300));

    assertThat(usage.readyUsage())
        .as("offered 300 % but a pod cannot use more than 100 %")
        .isCloseTo(10.0, within(1e-9));
  }

  @Test
  void distrustsPodsUntilAFullWindowWasCollectedAfterTheyTurnedReady() {
    MetricsServerPipeline metrics = new MetricsServerPipeline(Duration.ofSeconds(60));
    Instant freshAt = T0.plusSeconds(15);

    metrics.read(tick(0, 10, 0, freshAt, 5, 60));
    PodUsage justReady = metrics.read(tick(15, 10, 5, freshAt, 0, 60));
    PodUsage oneWindowLater = metrics.read(tick(30, 10, 5, freshAt, 0, 60));

    assertThat(justReady.readyPods()).isEqualTo(10);
    assertThat(justReady.unreadyPods()).isEqualTo(5);
    assertThat(oneWindowLater.readyPods()).isEqualTo(15);
    assertThat(oneWindowLater.readyUsage()).as("15 pods at 40 %").isCloseTo(6.0, within(1e-9));
  }

  @Test
  void aLongerResolutionReportsTheMeanOfItsWindowOnlyWhenTheWindowCloses() {
    // A real node's metrics-server runs at 10 s at least; in a time-compressed bench that is
    // minutes of trace.
    MetricsServerPipeline metrics =
        new MetricsServerPipeline(Duration.ofSeconds(60), Duration.ofSeconds(60));

    PodUsage during = null;
    for (int s = 0; s < 60; s += 15) {
      during = metrics.read(tick(s, 10, 0, T0, 0, 20 + s)); // 20, 35, 50, 65 % on 10 pods
    }
    PodUsage closed = metrics.read(tick(60, 10, 0, T0, 0, 90));
    PodUsage stillTheSame = metrics.read(tick(105, 10, 0, T0, 0, 90));

    assertThat(during.readyPods()).as("the first 60 s window has not closed: no metric").isZero();
    assertThat(closed.readyUsage())
        .as("10 pods at the window's mean 42.5 %")
        .isCloseTo(4.25, within(1e-9));
    assertThat(stillTheSame.readyUsage())
        .as("the next window closes at 120 s")
        .isCloseTo(4.25, within(1e-9));
  }
}
