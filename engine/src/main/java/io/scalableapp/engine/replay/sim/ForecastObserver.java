package io.scalableapp.engine.replay.sim;

/**
 * Sees every forecast a replayed engine makes, e.g. to score it against the demand that followed.
 */
@FunctionalInterface
public interface ForecastObserver {

  /**
   * @param minute the trace minute the forecast was made in
   * @param forecastNextMinute the forecast for the next step
   * @param forecastPeakOverHorizon the highest forecast within the horizon
   */
  void record(int minute, double forecastNextMinute, double forecastPeakOverHorizon);
}
