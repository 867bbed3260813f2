package io.scalableapp.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.SwitchRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwitchRuleTuningTest {

  private static Map<SwitchRule, Double> autoByMargin(double... wapes) {
    Map<SwitchRule, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < SwitchRuleTuning.MARGINS.length; i++) {
      out.put(new SwitchRule(SwitchRuleTuning.MARGINS[i]), wapes[i]);
    }
    return out;
  }

  @Test
  void aMarginIsRankedByItsWorstExcessOverTheBestCandidateThenByMeanError() {
    // Margins 0, 5, 10, 20, 30, 50 %.
    SwitchRuleTuning.TraceResult a =
        new SwitchRuleTuning.TraceResult(
            "a",
            Map.of(ForecastModel.SEASONAL_PROFILE, 10.0, ForecastModel.LINEAR, 12.0),
            autoByMargin(9.0, 10.1, 10.0, 10.0, 10.0, 10.0));
    SwitchRuleTuning.TraceResult b =
        new SwitchRuleTuning.TraceResult(
            "b",
            Map.of(ForecastModel.SEASONAL_PROFILE, 6.0, ForecastModel.LINEAR, 5.0),
            autoByMargin(5.5, 4.9, 5.0, 4.8, 5.0, 6.0));

    List<SwitchRuleTuning.Trial> ranked = SwitchRuleTuning.rank(List.of(a, b));

    assertThat(a.bestCandidate()).isEqualTo(ForecastModel.SEASONAL_PROFILE);
    assertThat(b.bestCandidate()).isEqualTo(ForecastModel.LINEAR);
    // 10, 20 and 30 % share the lowest worst excess (0); 20 % has the lowest mean WAPE, 10 % and 30
    // % tie on it.
    assertThat(ranked)
        .extracting(t -> t.rule().margin())
        .containsExactly(0.2, 0.1, 0.3, 0.05, 0.0, 0.5);
    assertThat(ranked.get(0).worstExcess()).isCloseTo(0, within(1e-9));
    assertThat(ranked.get(ranked.size() - 1).worstExcess()).isCloseTo(1.0, within(1e-9));
  }
}
