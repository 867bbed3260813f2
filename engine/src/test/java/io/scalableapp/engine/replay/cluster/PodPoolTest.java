package io.scalableapp.engine.replay.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PodPoolTest {

  private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

  @Test
  void newPodsBecomeReadyOnlyAfterTheStartupDelay() {
    PodPool pool = new PodPool(Duration.ofSeconds(60));
    pool.startReady(2, T0);

    pool.scaleTo(5, T0);

    assertThat(pool.ready(T0.plusSeconds(45))).isEqualTo(2);
    assertThat(pool.unready(T0.plusSeconds(45))).isEqualTo(3);
    assertThat(pool.ready(T0.plusSeconds(60))).isEqualTo(5);
  }

  @Test
  void scaleDownRemovesStartingPodsBeforeReadyOnes() {
    PodPool pool = new PodPool(Duration.ofSeconds(180));
    pool.startReady(3, T0);
    pool.scaleTo(6, T0.plusSeconds(30));

    pool.scaleTo(4, T0.plusSeconds(60));

    assertThat(pool.size()).isEqualTo(4);
    assertThat(pool.ready(T0.plusSeconds(60))).isEqualTo(3);
    pool.scaleTo(2, T0.plusSeconds(60));
    assertThat(pool.ready(T0.plusSeconds(60))).isEqualTo(2);
    assertThat(pool.unready(T0.plusSeconds(60))).isZero();
  }
}
