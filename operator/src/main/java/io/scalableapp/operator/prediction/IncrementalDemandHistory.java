package io.scalableapp.operator.prediction;

import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.prometheus.PrometheusDemandSource;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * One app's demand history, kept between polls so that, after the first fetch of the whole
 * lookback, each poll asks Prometheus only for the steps since the last one. The last few known
 * steps are asked for again, because samples scraped or ingested late land there; steps that fell
 * out of the lookback are dropped. Samples are passed on raw: missing steps stay NaN, and the
 * engine's validator judges staleness and negative or absurd values (e.g. after a counter reset) on
 * every evaluation.
 *
 * <p>The caller keeps one instance per app and query (see {@link DemandHistories}). A fetch that
 * fails leaves the history as it was, so the next poll simply asks for a longer stretch.
 */
final class IncrementalDemandHistory implements DemandSource {
  /** Steps before the newest known one that every poll fetches again. */
  static final int REFETCHED_TAIL_STEPS = 5;

  private final DemandSource source;
  private Series known;

  IncrementalDemandHistory(DemandSource source) {
    this.source = source;
  }

  @Override
  public synchronized Series fetch(Instant from, Instant to, Duration step) throws Exception {
    if (!continuesKnown(from, to, step)) {
      known = source.fetch(from, to, step);
      return known;
    }
    Instant refetchFrom = latest(from, known.end().minus(step.multipliedBy(REFETCHED_TAIL_STEPS)));
    Series fresh = source.fetch(refetchFrom, to, step);
    known = merge(from, PrometheusDemandSource.points(from, to, step), step, fresh);
    return known;
  }

  /**
   * Whether {@code [from, to]} lies on the known steps' grid and does not reach back before them.
   */
  private boolean continuesKnown(Instant from, Instant to, Duration step) {
    return known != null
        && !known.isEmpty()
        && known.step().equals(step)
        && !from.isBefore(known.start())
        && !to.isBefore(known.end())
        && Duration.between(known.start(), from).toNanos() % step.toNanos() == 0;
  }

  /** The known steps from {@code from} on, overwritten by every value the fresh fetch returned. */
  private Series merge(Instant from, int points, Duration step, Series fresh) {
    double[] values = new double[points];
    Arrays.fill(values, Double.NaN);
    int knownOffset = stepsBetween(known.start(), from, step);
    for (int i = 0; i + knownOffset < known.size() && i < points; i++) {
      values[i] = known.get(i + knownOffset);
    }
    int freshOffset = stepsBetween(from, fresh.start(), step);
    for (int i = 0; i < fresh.size() && i + freshOffset < points; i++) {
      if (!Double.isNaN(fresh.get(i))) {
        values[i + freshOffset] = fresh.get(i);
      }
    }
    return Series.of(from, step, values);
  }

  private static int stepsBetween(Instant earlier, Instant later, Duration step) {
    return (int) Duration.between(earlier, later).dividedBy(step);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
