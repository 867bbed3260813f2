package io.scalableapp.engine.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeriesTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration MIN = Duration.ofMinutes(1);

  @Test
  void downsampleAlignsBucketsToTheEndAndSkipsNaN() {
    Series s = Series.of(T0, MIN, 100, 1, 2, Double.NaN, 4, 5, 6, 7);

    Series d = s.downsample(3);

    // 8 points, 3 per bucket: the oldest 2 are dropped so the newest bucket is complete.
    assertThat(d.size()).isEqualTo(2);
    assertThat(d.start()).isEqualTo(T0.plus(MIN.multipliedBy(2)));
    assertThat(d.step()).isEqualTo(Duration.ofMinutes(3));
    assertThat(d.get(0)).isCloseTo(3.0, within(1e-12)); // mean of 2, 4 (NaN skipped)
    assertThat(d.get(1)).isCloseTo(6.0, within(1e-12));
  }

  @Test
  void allMissingBucketStaysMissing() {
    Series d = Series.of(T0, MIN, Double.NaN, Double.NaN, 1, 2).downsample(2);

    assertThat(d.get(0)).isNaN();
    assertThat(d.get(1)).isEqualTo(1.5);
  }

  @Test
  void indexNearToleratesHalfAStep() {
    Series s = Series.of(T0, MIN, 1, 2, 3);

    assertThat(s.indexNear(T0.plusSeconds(70))).isEqualTo(1);
    assertThat(s.indexNear(T0.plusSeconds(140))).isEqualTo(2);
    assertThat(s.indexNear(T0.minusSeconds(40))).isEqualTo(-1);
    assertThat(s.indexNear(T0.plusSeconds(200))).isEqualTo(-1);
  }

  @Test
  void firstIndexAfterIsStrict() {
    Series s = Series.of(T0, MIN, 1, 2, 3);

    assertThat(s.firstIndexAfter(T0)).isEqualTo(1);
    assertThat(s.firstIndexAfter(T0.plusSeconds(30))).isEqualTo(1);
    assertThat(s.firstIndexAfter(T0.minusSeconds(600))).isEqualTo(0);
    assertThat(s.firstIndexAfter(T0.plusSeconds(120))).isEqualTo(3);
  }

  @Test
  void copiesInputSoCallersCannotMutateIt() {
    double[] v = {1, 2};
    Series s = Series.of(T0, MIN, v);
    v[0] = 99;

    assertThat(s.get(0)).isEqualTo(1);
    assertThat(s.tail(1).get(0)).isEqualTo(2);
    assertThat(s.end()).isEqualTo(T0.plus(MIN));
    assertThat(Series.of(T0, MIN, 1, Double.NaN, 3).validCount()).isEqualTo(2);
  }

  @Test
  void stepsRoundAsDocumented() {
    assertThat(Steps.covering(Duration.ofSeconds(61), MIN)).isEqualTo(2);
    assertThat(Steps.covering(Duration.ofMinutes(3), MIN)).isEqualTo(3);
    assertThat(Steps.covering(Duration.ZERO, MIN)).isEqualTo(1);
    assertThat(Steps.nearest(Duration.ofSeconds(89), MIN)).isEqualTo(1);
  }
}
