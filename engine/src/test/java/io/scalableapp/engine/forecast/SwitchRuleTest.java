package io.scalableapp.engine.forecast;

import static io.scalableapp.engine.forecast.ForecastModel.HOLT_WINTERS;
import static io.scalableapp.engine.forecast.ForecastModel.LINEAR;
import static io.scalableapp.engine.forecast.ForecastModel.SEASONAL_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwitchRuleTest {

  /** SEASONAL_PROFILE preferred. */
  private static final List<ForecastModel> MODELS = List.of(SEASONAL_PROFILE, HOLT_WINTERS, LINEAR);

  private final SwitchRule tenPercent = new SwitchRule(0.10);

  @Test
  void keepsThePreferredModelWhileAChallengerIsWithinTheMargin() {
    // 0.285 is 5 % below 0.300: noise, not evidence.
    Map<ForecastModel, Double> errors =
        Map.of(SEASONAL_PROFILE, 0.300, HOLT_WINTERS, 0.285, LINEAR, 0.40);

    assertThat(tenPercent.choose(MODELS, errors)).isEqualTo(SEASONAL_PROFILE);
  }

  @Test
  void switchesOnceTheBestBeatsThePreferredModelByMoreThanTheMargin() {
    Map<ForecastModel, Double> errors =
        Map.of(SEASONAL_PROFILE, 0.300, HOLT_WINTERS, 0.269, LINEAR, 0.40);

    assertThat(tenPercent.choose(MODELS, errors)).isEqualTo(HOLT_WINTERS);
  }

  @Test
  void switchesToTheBestNotMerelyToTheFirstThatClearsTheMargin() {
    Map<ForecastModel, Double> errors =
        Map.of(SEASONAL_PROFILE, 0.20, HOLT_WINTERS, 0.15, LINEAR, 0.10);

    assertThat(tenPercent.choose(MODELS, errors)).isEqualTo(LINEAR);
  }

  @Test
  void aZeroMarginFollowsTheBestAndATieGoesToTheEarlierCandidate() {
    SwitchRule none = new SwitchRule(0);

    assertThat(
            none.choose(MODELS, Map.of(SEASONAL_PROFILE, 0.300, HOLT_WINTERS, 0.299, LINEAR, 0.4)))
        .isEqualTo(HOLT_WINTERS);
    assertThat(none.choose(MODELS, Map.of(SEASONAL_PROFILE, 0.3, HOLT_WINTERS, 0.3, LINEAR, 0.3)))
        .isEqualTo(SEASONAL_PROFILE);
  }

  @Test
  void aMarginOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> new SwitchRule(1)).hasMessageContaining("margin must be in [0, 1)");
    assertThatThrownBy(() -> new SwitchRule(-0.1)).hasMessageContaining("margin must be in [0, 1)");
    assertThatThrownBy(() -> new SwitchRule(Double.NaN))
        .hasMessageContaining("margin must be in [0, 1)");
  }
}
