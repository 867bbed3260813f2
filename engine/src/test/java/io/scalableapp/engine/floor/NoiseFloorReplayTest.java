package io.scalableapp.engine.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NoiseFloorReplayTest {

  private static final int DAY = 1440;
  private static final int LEAD = 2;

  /**
   * Poisson-like counts: mean 100 for the first half of each day ("night"), 10,000 for the second
   * ("day").
   */
  private static double[] nightAndDay(int days, long seed) {
    Random random = new Random(seed);
    double[] demand = new double[days * DAY];
    for (int m = 0; m < demand.length; m++) {
      double mean = mean(m);
      demand[m] = Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    return demand;
  }

  private static double mean(int minute) {
    return minute % DAY < DAY / 2 ? 100 : 10_000;
  }

  /** A perfect forecast of the mean: only the noise is unknown. */
  private static double[] meanForecast(int minutes) {
    double[] f = new double[minutes];
    for (int m = 0; m < minutes; m++) {
      f[m] = Math.max(mean(m), mean(m + LEAD - 1));
    }
    return f;
  }

  private record Coverage(double night, double day, double dayHeadroom) {}

  private static Coverage coverage(NoiseFloorRule rule, double[] demand) {
    double[] cover =
        NoiseFloorReplay.cover(
            rule, meanForecast(demand.length), demand, 2 * DAY, demand.length, LEAD, DAY);
    int[] covered = new int[2];
    int[] counted = new int[2];
    double headroom = 0;
    for (int m = 2 * DAY; m < demand.length - LEAD; m++) {
      int half =
          mean(m) == 100 && mean(m + LEAD - 1) == 100
              ? 0
              : mean(m) == 10_000 && mean(m + LEAD - 1) == 10_000 ? 1 : -1;
      if (half < 0) {
        continue;
      }
      double c = cover[m - 2 * DAY];
      counted[half]++;
      if (c >= NoiseFloorReplay.peak(demand, m, LEAD)) {
        covered[half]++;
      }
      if (half == 1) {
        headroom += c / 10_000 - 1;
      }
    }
    return new Coverage(
        covered[0] / (double) counted[0], covered[1] / (double) counted[1], headroom / counted[1]);
  }

  @Test
  void aSqrtMarginCoversItsQuantileAtEveryLevelWhereAProportionalOneCannot() {
    double[] demand = nightAndDay(6, 42);
    Coverage sqrt =
        coverage(NoiseFloorRule.sqrtNoise(FloorFamily.FORECAST, 0.95, Duration.ZERO), demand);
    Coverage proportional = coverage(NoiseFloorRule.proportional(0.95, Duration.ZERO), demand);

    assertThat(sqrt.night()).as("sqrt, night").isGreaterThan(0.9);
    assertThat(sqrt.day()).as("sqrt, day").isGreaterThan(0.9);
    assertThat(sqrt.dayHeadroom()).as("sqrt headroom at the peak").isLessThan(0.05);
    // One relative margin for both levels: sized by the noisy nights, it is far too much by day;
    // the day
    // minutes being half of the errors, its p95 is set by the nights' tail and the days are
    // over-covered.
    assertThat(proportional.dayHeadroom())
        .as("proportional headroom at the peak")
        .isGreaterThan(3 * sqrt.dayHeadroom());
  }

  @Test
  void aFloorNeverReadsTheMinuteItIsFor() {
    double[] demand = nightAndDay(3, 7);
    NoiseFloorRule rule =
        NoiseFloorRule.sqrtNoise(FloorFamily.RECENT_LEVEL, 0.9, Duration.ofMinutes(5));
    double[] levels = NoiseFloorReplay.recentLevels(demand);
    double[] before = NoiseFloorReplay.cover(rule, levels, demand, DAY, 2 * DAY, LEAD, DAY);

    int m = DAY + 700;
    double[] changed = demand.clone();
    for (int i = m; i < changed.length; i++) {
      changed[i] = changed[i] * 3 + 1000;
    }
    double[] after =
        NoiseFloorReplay.cover(
            rule, NoiseFloorReplay.recentLevels(changed), changed, DAY, 2 * DAY, LEAD, DAY);
    for (int i = DAY; i <= m; i++) {
      assertThat(after[i - DAY]).as("minute %d", i).isEqualTo(before[i - DAY]);
    }
    assertThat(after[m + 1 - DAY]).isNotEqualTo(before[m + 1 - DAY]);
  }

  @Test
  void proposesNothingUntilEnoughErrorsAreScored() {
    double[] demand = new double[200];
    java.util.Arrays.fill(demand, 50);
    NoiseFloorRule rule = NoiseFloorRule.sqrtNoise(FloorFamily.RECENT_LEVEL, 0.9, Duration.ZERO);
    double[] cover =
        NoiseFloorReplay.cover(
            rule, NoiseFloorReplay.recentLevels(demand), demand, 0, 200, LEAD, 100);
    int first = 0;
    while (Double.isNaN(cover[first])) {
      first++;
    }
    // Anchors from minute 1 on have a level; anchor k is scored at k + LEAD; 30 of them by minute
    // 32.
    assertThat(first).isEqualTo(1 + LEAD + NoiseFloorRule.MIN_SAMPLES - 1);
    assertThat(cover[first]).isCloseTo(50, within(1e-9));
  }

  @Test
  void recentLevelsAverageTheLevelWindowBefore() {
    int w = (int) NoiseFloorRule.LEVEL_WINDOW.toMinutes();
    double[] demand = new double[3 * w];
    for (int i = 0; i < demand.length; i++) {
      demand[i] = i;
    }
    demand[w + 5] = Double.NaN;
    double[] levels = NoiseFloorReplay.recentLevels(demand);
    assertThat(levels[0]).isNaN();
    assertThat(levels[1]).isEqualTo(0);
    assertThat(levels[w]).as("mean of 0..w - 1").isCloseTo((w - 1) / 2.0, within(1e-9));
    double sum = 0;
    for (int i = w; i < 2 * w; i++) {
      sum += i == w + 5 ? 0 : i;
    }
    assertThat(levels[2 * w])
        .as("mean of w..2w - 1 without w + 5")
        .isCloseTo(sum / (w - 1), within(1e-9));
  }
}
