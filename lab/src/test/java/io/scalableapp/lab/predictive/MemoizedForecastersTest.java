package io.scalableapp.lab.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.forecast.SwitchRule;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemoizedForecastersTest {

  private static final int DAY = 1440;
  private static final int FROM = 2 * DAY;
  private static final int TO = FROM + 90;

  /** Three days of a noisy daily wave. */
  private static Series recording() {
    Random random = new Random(11);
    double[] y = new double[3 * DAY];
    for (int i = 0; i < y.length; i++) {
      y[i] = 500 + 300 * Math.sin(2 * Math.PI * i / DAY) + 30 * random.nextGaussian();
    }
    return Series.of(Instant.parse("2024-01-01T00:01:00Z"), Duration.ofMinutes(1), y);
  }

  private static final AppScalingSpec AUTO =
      AppScalingSpec.builder()
          .targetPerReplica(10)
          .horizon(Duration.ofMinutes(5))
          .model(ForecastModel.AUTO)
          .build();

  @Test
  void aMemoizedReplayScoresExactlyAsTheEngineAndFitsEachCandidateOnceWhateverTheRule() {
    Series recording = recording();
    MemoizedForecasters memo = new MemoizedForecasters();

    PointwiseScores direct =
        ForecastReplay.run(recording, AUTO, ForecasterFactory.DEFAULT, FROM, FROM, TO);
    PointwiseScores memoized =
        ForecastReplay.run(
            recording, AUTO, memo.withSwitchRule(SwitchRule.DEFAULT), FROM, FROM, TO);
    int fitted = memo.size();
    PointwiseScores otherRule =
        ForecastReplay.run(recording, AUTO, memo.withSwitchRule(new SwitchRule(0)), FROM, FROM, TO);

    for (int h = 1; h <= 5; h++) {
      assertThat(memoized.wapePercent(h)).as("lead %d", h).isEqualTo(direct.wapePercent(h));
      assertThat(memoized.count(h)).isEqualTo(direct.count(h)).isPositive();
    }
    assertThat(memoized.chosenModels()).isEqualTo(direct.chosenModels());
    // Four candidates at every evaluation, plus the cold-start backtest's fits at its origins.
    assertThat(fitted).isGreaterThanOrEqualTo(4 * (TO - FROM));
    assertThat(memo.size()).as("no candidate refitted under the second rule").isEqualTo(fitted);
    assertThat(otherRule.count(1)).isEqualTo(direct.count(1));
  }
}
