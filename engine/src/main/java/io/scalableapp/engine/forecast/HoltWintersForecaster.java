package io.scalableapp.engine.forecast;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.series.Steps;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Additive Holt-Winters (level, damped trend, season) fitted by a coarse grid search on one-step
 * squared error.
 *
 * <p>Why buckets: a daily season at 1-minute resolution has 1440 seasonal states that each see one
 * sample a day, so they stay noisy and the fit is slow. The history is averaged into {@code
 * bucket}-sized buckets (5 minutes by default: 288 states a day, 2016 points a week), the model is
 * fitted there, and the bucket forecasts are interpolated back to the input resolution between
 * bucket centres. Cost: O(grid x n / bucketFactor).
 */
public final class HoltWintersForecaster implements Forecaster {

  public static final Duration DEFAULT_BUCKET = Duration.ofMinutes(5);

  private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9};
  private static final double[] BETAS = {0, 0.01, 0.05};
  private static final double[] GAMMAS = {0.01, 0.05, 0.1, 0.2, 0.3};
  private static final double[] NO_GAMMA = {0};
  private static final int MAX_ROUNDS = 3;

  private final Duration period;
  private final Duration bucket;

  /**
   * @param period seasonal period, or empty for a non-seasonal (Holt) model
   * @param bucket resolution the model is fitted at; inputs at a coarser step are used as they are
   */
  public HoltWintersForecaster(Optional<Duration> period, Duration bucket) {
    this.period = period.orElse(null);
    this.bucket = bucket;
  }

  public HoltWintersForecaster(Optional<Duration> period) {
    this(period, DEFAULT_BUCKET);
  }

  @Override
  public ForecastModel model() {
    return ForecastModel.HOLT_WINTERS;
  }

  /**
   * Coordinate descent over the grid: sweep one parameter with the others fixed, keep the best,
   * repeat until a full round changes nothing. About a third of the runs of the full grid (the
   * filter is latency-bound, so runs are what cost) and it found the same optimum on the traces we
   * tried; the error surface is smooth at this coarseness.
   */
  private static double[] fitParameters(HoltWintersState state, double[] gammas) {
    double[][] grids = {ALPHAS, BETAS, gammas};
    double[] best = {0.3, 0, gammas[gammas.length > 1 ? 2 : 0]};
    double bestSse = state.run(best[0], best[1], best[2]);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean improved = false;
      for (int p = 0; p < grids.length; p++) {
        double[] trial = best.clone();
        for (double v : grids[p]) {
          if (v == best[p]) {
            continue;
          }
          trial[p] = v;
          double sse = state.run(trial[0], trial[1], trial[2]);
          if (sse < bestSse) {
            bestSse = sse;
            best = trial.clone();
            improved = true;
          }
        }
      }
      if (!improved) {
        break;
      }
    }
    return best;
  }

  @Override
  public Forecast forecast(Series history, int steps) {
    int factor = Buckets.factor(bucket, history);
    Series buckets = history.downsample(factor);
    double[] y = buckets.toArray();
    int m = period == null ? 0 : Steps.nearest(period, buckets.step());
    String seasonNote = period == null ? "none" : Values.formatDuration(period);
    if (m > 0 && y.length < HoltWintersState.minimumLength(m)) {
      m = 0;
      seasonNote = "none (history shorter than two seasons)";
    }
    if (y.length < HoltWintersState.minimumLength(m)) {
      double[] flat = new double[steps];
      Arrays.fill(flat, Values.lastValid(history.toArray()));
      return Forecast.after(
          history,
          Values.nonNegative(flat),
          model(),
          "HOLT_WINTERS too little history: last value");
    }

    HoltWintersState state = new HoltWintersState(m, y);
    double[] best = fitParameters(state, m == 0 ? NO_GAMMA : GAMMAS);
    double bestA = best[0], bestB = best[1], bestG = best[2];
    state.run(bestA, bestB, bestG);

    double[] f =
        Buckets.toInputSteps(state.forecast(Buckets.bucketsAhead(factor, steps)), factor, steps);
    String description =
        String.format(
            "HOLT_WINTERS alpha=%s beta=%s gamma=%s season=%s bucket=%s",
            bestA, bestB, bestG, seasonNote, Values.formatDuration(buckets.step()));
    return Forecast.after(history, Values.nonNegative(f), model(), description);
  }
}
