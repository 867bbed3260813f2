package io.scalableapp.engine.forecast;

import io.scalableapp.engine.series.Series;

/**
 * Fits a model to a regularly spaced history and forecasts the points that follow it.
 * Implementations are stateless and thread-safe: every call fits afresh, so one instance can serve
 * many apps, and the lab can walk a trace forward by calling it with ever longer histories.
 */
public interface Forecaster {

  /** The model this forecaster stands for; {@link Forecast#model()} always names a concrete one. */
  ForecastModel model();

  /**
   * Forecasts {@code steps} points at {@code history.end() + k * history.step()}, k = 1..steps. NaN
   * in the history means "missing". Forecast values are never negative or NaN.
   */
  Forecast forecast(Series history, int steps);
}
