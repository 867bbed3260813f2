package io.scalableapp.engine.prometheus;

import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Splits a long range into consecutive queries small enough for Prometheus, which refuses more than
 * 11,000 points per series and query (a 14-day lookback at 1-minute steps is 20,160), and joins the
 * answers into one series.
 */
public final class ChunkedRangeQuery implements DemandSource {
  /**
   * Points per query: clearly below Prometheus's 11,000, so no rounding at either end can cross it.
   */
  public static final int MAX_POINTS_PER_QUERY = 10_000;

  private final DemandSource singleQuery;
  private final int maxPoints;

  public ChunkedRangeQuery(DemandSource singleQuery) {
    this(singleQuery, MAX_POINTS_PER_QUERY);
  }

  public ChunkedRangeQuery(DemandSource singleQuery, int maxPoints) {
    this.singleQuery = singleQuery;
    this.maxPoints = maxPoints;
  }

  @Override
  public Series fetch(Instant from, Instant to, Duration step) throws Exception {
    int points = PrometheusDemandSource.points(from, to, step);
    if (points <= maxPoints) {
      return singleQuery.fetch(from, to, step);
    }
    double[] values = new double[points];
    Arrays.fill(values, Double.NaN);
    for (int first = 0; first < points; first += maxPoints) {
      int last = Math.min(points, first + maxPoints) - 1;
      Series chunk =
          singleQuery.fetch(
              from.plus(step.multipliedBy(first)), from.plus(step.multipliedBy(last)), step);
      System.arraycopy(chunk.toArray(), 0, values, first, Math.min(chunk.size(), last - first + 1));
    }
    return Series.of(from, step, values);
  }
}
