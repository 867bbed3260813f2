package io.scalableapp.engine.forecast;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;

/** Forecast points following a history, plus which model produced them and how (for humans). */
public final class Forecast {

  private final Series points;
  private final ForecastModel model;
  private final String description;

  public Forecast(Series points, ForecastModel model, String description) {
    this.points = points;
    this.model = model;
    this.description = description;
  }

  /**
   * Builds the forecast that follows {@code history}: the first value is one step after its end.
   */
  public static Forecast after(
      Series history, double[] values, ForecastModel model, String description) {
    Instant first = history.end().plus(history.step());
    return new Forecast(Series.of(first, history.step(), values), model, description);
  }

  public Series points() {
    return points;
  }

  public int size() {
    return points.size();
  }

  public double get(int i) {
    return points.get(i);
  }

  public Instant timeAt(int i) {
    return points.timeAt(i);
  }

  public Duration step() {
    return points.step();
  }

  public ForecastModel model() {
    return model;
  }

  /** e.g. "HOLT_WINTERS alpha=0.2 beta=0 gamma=0.1 season=1d bucket=5m". */
  public String description() {
    return description;
  }

  /** Largest forecast value at a time in {@code (after, until]}; NaN if no point falls there. */
  public double peakBetween(Instant after, Instant until) {
    double peak = Double.NaN;
    for (int i = 0; i < points.size(); i++) {
      Instant t = points.timeAt(i);
      if (t.isAfter(after) && !t.isAfter(until)) {
        peak = Double.isNaN(peak) ? points.get(i) : Math.max(peak, points.get(i));
      }
    }
    return peak;
  }

  @Override
  public String toString() {
    return "Forecast[" + description + ", " + points + "]";
  }
}
