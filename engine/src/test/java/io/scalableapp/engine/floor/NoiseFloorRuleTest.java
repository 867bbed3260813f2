package io.scalableapp.engine.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NoiseFloorRuleTest {

  @Test
  void theProportionalRuleIsTheOldRelativeError() {
    NoiseFloorRule proportional = NoiseFloorRule.proportional(0.9, Duration.ZERO);
    assertThat(proportional.standardised(200, 260)).isCloseTo(260 / 200.0 - 1, within(1e-12));
    assertThat(proportional.cover(200, 0.3)).isCloseTo(260, within(1e-9));
  }

  @Test
  void theSqrtRuleScalesTheMarginWithTheSquareRootOfTheLevel() {
    NoiseFloorRule sqrt = NoiseFloorRule.sqrtNoise(FloorFamily.FORECAST, 0.9, Duration.ZERO);
    assertThat(sqrt.standardised(100, 130)).isCloseTo(3.0, within(1e-12));
    // The same standardised margin is 3 x 10 at 100 and 3 x 100 at 10,000: 30 % at night, 3 % at
    // the peak.
    assertThat(sqrt.cover(100, 3.0)).isCloseTo(130, within(1e-9));
    assertThat(sqrt.cover(10_000, 3.0)).isCloseTo(10_300, within(1e-9));
    assertThat(sqrt.cover(100, -50)).as("never negative").isZero();
    assertThat(sqrt.standardised(0, 5)).as("a zero reference does not divide by zero").isEqualTo(5);
    assertThat(sqrt.standardised(Double.NaN, 5)).isNaN();
    assertThat(sqrt.standardised(10, Double.NaN)).isNaN();
  }

  @Test
  void theSpanIsTheLeadPlusTheWindow() {
    assertThat(
            NoiseFloorRule.sqrtNoise(FloorFamily.FORECAST, 0.9, Duration.ofMinutes(10))
                .spanMinutes(2))
        .isEqualTo(12);
    assertThat(
            NoiseFloorRule.sqrtNoise(FloorFamily.RECENT_LEVEL, 0.9, Duration.ZERO).spanMinutes(0))
        .isEqualTo(1);
  }

  @Test
  void labelsNameTheKnobs() {
    assertThat(NoiseFloorRule.sqrtNoise(FloorFamily.FORECAST, 0.99, Duration.ofMinutes(10)).label())
        .isEqualTo("forecast + p99 noise x level^0.5, +10 min");
    assertThat(NoiseFloorRule.proportional(0.9, Duration.ZERO).label())
        .isEqualTo("forecast + p90 proportional");
    assertThat(new NoiseFloorRule(FloorFamily.RECENT_LEVEL, 0.995, 0.75, Duration.ZERO).label())
        .isEqualTo("recent level + p99.5 noise x level^0.75");
  }

  @Test
  void rejectsKnobsOutOfRange() {
    assertThatThrownBy(() -> new NoiseFloorRule(FloorFamily.FORECAST, 1.0, 0.5, Duration.ZERO))
        .hasMessageContaining("quantile");
    assertThatThrownBy(() -> new NoiseFloorRule(FloorFamily.FORECAST, 0.9, 1.5, Duration.ZERO))
        .hasMessageContaining("exponent");
    assertThatThrownBy(
            () -> new NoiseFloorRule(FloorFamily.FORECAST, 0.9, 0.5, Duration.ofSeconds(90)))
        .hasMessageContaining("window");
    assertThatThrownBy(() -> new NoiseFloorRule(null, 0.9, 0.5, Duration.ZERO))
        .hasMessageContaining("family");
  }
}
