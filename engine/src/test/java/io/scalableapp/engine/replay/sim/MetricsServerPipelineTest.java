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

    /** {@code ready} pods ready since long ago plus {@code fresh} pods that turned ready at {@code freshSince}. */
    private static ClusterSnapshot tick(long second, int ready, int fresh, Instant freshSince, int starting,
                                        double demand) {
        Instant now = T0.plusSeconds(second);
        return new ClusterSnapshot(now, ready + fresh + starting, ready + fresh, starting, demand, CAPACITY,
                t -> ready + (t.isBefore(freshSince) ? 0 : fresh));
    }

    @Test
    void readsTheWindowThatClosedAtThisTickNotTheLoadOfThisTick() {
        MetricsServerPipeline metrics = new MetricsServerPipeline(Duration.ofSeconds(60));

        PodUsage first = metrics.read(tick(0, 10, 0, T0, 0, 50));
        PodUsage second = metrics.read(tick(15, 10, 0, T0, 0, 80));

        assertThat(first.readyPods()).as("no completed window yet: no metric").isZero();
        assertThat(second.readyUsage()).as("10 pods at 50 %, from the window 0..15 s").isCloseTo(5.0, within(1e-9));
    }

    @Test
    void capsASaturatedPodAtItsLimit() {
        MetricsServerPipeline metrics = new MetricsServerPipeline(Duration.ofSeconds(60));

        metrics.read(tick(0, 10, 0, T0, 0, 300));
        PodUsage usage = metrics.read(tick(15, 10, 0, T0, 0, 300));

        assertThat(usage.readyUsage()).as("offered 300 % but a pod cannot use more than 100 %")
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
}
