package io.scalableapp.lab.predictive;

import io.scalableapp.engine.forecast.ForecastErrors;
import io.scalableapp.engine.replay.sim.ForecastObserver;
import io.scalableapp.engine.replay.trace.Trace;
import java.util.Arrays;

/**
 * Scores the forecasts the engine made while driving the floor against what then happened, with the
 * engine's own error measures:
 *
 * <ul>
 *   <li>one step: the forecast for the minute that starts at the evaluation, against that minute's
 *       count;
 *   <li>horizon: the forecast peak over the horizon (what the floor is computed from) against the
 *       largest count actually seen over the same minutes.
 * </ul>
 *
 * Only forecasts whose minutes lie in {@code [from, to)} count; masked minutes are skipped. MASE
 * divides by the in-sample MAE of the one-step naive forecast on the training part.
 */
public final class ForecastScorer implements ForecastObserver {

  /** MAPE in percent. */
  public record Score(
      double mapeOneStep,
      double maseOneStep,
      int horizonMinutes,
      double mapeHorizon,
      double maseHorizon,
      int scoredMinutes) {}

  private final Trace trace;
  private final int from;
  private final int to;
  private final int horizon;
  private final double[] oneStep;
  private final double[] peak;

  /** {@code horizon}: minutes the forecast peak covers. */
  public ForecastScorer(Trace trace, int from, int to, int horizon) {
    this.trace = trace;
    this.from = from;
    this.to = to;
    this.horizon = horizon;
    this.oneStep = nanArray(to - from);
    this.peak = nanArray(to - from);
  }

  /** Records an evaluation made at the start of {@code minute}. */
  @Override
  public void record(int minute, double forecastNextMinute, double forecastPeakOverHorizon) {
    if (minute >= from && minute + horizon <= to) {
      oneStep[minute - from] = forecastNextMinute;
      peak[minute - from] = forecastPeakOverHorizon;
    }
  }

  public Score score(int trainFrom, int trainTo) {
    int n = to - from;
    double[] actual = nanArray(n);
    double[] actualPeak = nanArray(n);
    for (int i = 0; i < n; i++) {
      int m = from + i;
      if (trace.observed(m)) {
        actual[i] = trace.demand(m);
      }
      actualPeak[i] = observedPeak(m, Math.min(to, m + horizon));
    }
    double[] training = new double[trainTo - trainFrom];
    for (int m = trainFrom; m < trainTo; m++) {
      training[m - trainFrom] = trace.observed(m) ? trace.demand(m) : Double.NaN;
    }
    int scored = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(actual[i]) && !Double.isNaN(oneStep[i])) {
        scored++;
      }
    }
    return new Score(
        100 * ForecastErrors.mape(actual, oneStep),
        ForecastErrors.mase(actual, oneStep, training, 1),
        horizon,
        100 * ForecastErrors.mape(actualPeak, peak),
        ForecastErrors.mase(actualPeak, peak, training, 1),
        scored);
  }

  /**
   * Largest observed count in {@code [a, b)}; NaN if any minute is masked (the peak is then
   * unknown).
   */
  private double observedPeak(int a, int b) {
    double max = 0;
    for (int m = a; m < b; m++) {
      if (!trace.observed(m)) {
        return Double.NaN;
      }
      max = Math.max(max, trace.demand(m));
    }
    return b > a ? max : Double.NaN;
  }

  private static double[] nanArray(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
