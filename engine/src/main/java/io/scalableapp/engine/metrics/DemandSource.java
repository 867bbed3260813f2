package io.scalableapp.engine.metrics;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;

/**
 * Where one app's demand history comes from. The operator implements it with a Prometheus range
 * query; the lab and tests use {@link InMemoryDemandSource}.
 */
@FunctionalInterface
public interface DemandSource {

  /**
   * Demand (e.g. requests/s) at {@code from, from + step, ...} up to and including {@code to}.
   * Missing samples should be NaN. The engine tolerates anything here - exceptions, empty or short
   * series, NaN, negative or absurd values - and treats it as "metrics unavailable" rather than as
   * low demand, so implementations need not be defensive.
   */
  Series fetch(Instant from, Instant to, Duration step) throws Exception;
}
