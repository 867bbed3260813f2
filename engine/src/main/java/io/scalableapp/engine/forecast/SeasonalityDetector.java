package io.scalableapp.engine.forecast;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.series.Steps;
import java.time.Duration;
import java.util.Optional;

/**
 * Resolves {@link Seasonality#AUTO} from the history: a period qualifies when at least two whole
 * periods are present (Holt-Winters needs them) and the autocorrelation at that lag is clearly
 * positive. Weekly wins only if it explains noticeably more than daily, because a weekly season
 * also contains the daily shape but needs seven times the data to learn it.
 */
public final class SeasonalityDetector {

  /** Autocorrelation a lag must reach to count as seasonal. */
  static final double MIN_AUTOCORRELATION = 0.3;

  /** How much more weekly must explain than daily before it is preferred. */
  static final double WEEKLY_MARGIN = 0.1;

  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration WEEK = Duration.ofDays(7);

  private SeasonalityDetector() {}

  /** The period to use for {@code requested}: fixed ones as they are, AUTO from the data. */
  public static Optional<Duration> resolve(Seasonality requested, Series history) {
    return requested == Seasonality.AUTO ? detect(history) : requested.period();
  }

  public static Optional<Duration> detect(Series history) {
    // Hourly means: cheap (168 points a week) and smooth enough for a stable autocorrelation.
    Duration hour = Duration.ofHours(1);
    Series hourly =
        history.step().compareTo(hour) < 0
            ? history.downsample(Steps.nearest(hour, history.step()))
            : history;
    double[] y = hourly.toArray();
    double daily = autocorrelation(y, lag(DAY, hourly));
    double weekly = autocorrelation(y, lag(WEEK, hourly));
    if (weekly >= MIN_AUTOCORRELATION && (Double.isNaN(daily) || weekly > daily + WEEKLY_MARGIN)) {
      return Optional.of(WEEK);
    }
    if (daily >= MIN_AUTOCORRELATION) {
      return Optional.of(DAY);
    }
    return Optional.empty();
  }

  private static int lag(Duration period, Series s) {
    return Steps.nearest(period, s.step());
  }

  /** Autocorrelation at {@code lag} over pairs where both ends are present; NaN if < 2 periods. */
  static double autocorrelation(double[] y, int lag) {
    if (y.length < 2 * lag) {
      return Double.NaN;
    }
    double mean = Values.mean(y, 0, y.length);
    double var = 0;
    int nVar = 0;
    for (double v : y) {
      if (!Double.isNaN(v)) {
        var += (v - mean) * (v - mean);
        nVar++;
      }
    }
    double cov = 0;
    int nCov = 0;
    for (int i = lag; i < y.length; i++) {
      if (!Double.isNaN(y[i]) && !Double.isNaN(y[i - lag])) {
        cov += (y[i] - mean) * (y[i - lag] - mean);
        nCov++;
      }
    }
    if (nCov == 0 || var == 0) {
      return Double.NaN;
    }
    return (cov / nCov) / (var / nVar);
  }
}
