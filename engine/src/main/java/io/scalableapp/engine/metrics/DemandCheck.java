package io.scalableapp.engine.metrics;

import io.scalableapp.engine.series.Series;

/**
 * Outcome of validating fetched demand.
 *
 * @param available whether the data may drive a decision
 * @param series the data with invalid points replaced by NaN (null when nothing was fetched)
 * @param maskedPoints how many invalid points were masked
 * @param problem why the data is unavailable, or a note about masked points; empty if clean
 */
public record DemandCheck(boolean available, Series series, int maskedPoints, String problem) {

  public static DemandCheck unavailable(Series series, int masked, String problem) {
    return new DemandCheck(false, series, masked, problem);
  }
}
