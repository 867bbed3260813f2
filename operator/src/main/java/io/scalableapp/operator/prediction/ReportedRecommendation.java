package io.scalableapp.operator.prediction;

import io.scalableapp.engine.Reason;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.schedule.ActiveSchedule;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a reconciliation reads of a recommendation: the floor it applies, the status it reports
 * (figures at the status's precision) and the Events it records. Not its time, the floor before
 * bounds, the model's parameters or how many forecasts its error is based on: those change with
 * every new step of demand, and an outcome that differs only in them would reconcile the app for
 * nothing (at 1,000 apps, half predicted, 500 reconciliations a minute).
 */
public record ReportedRecommendation(
    ScalingMode mode,
    boolean actionable,
    int previousFloor,
    int floor,
    Reason reason,
    String forecast,
    String forecastPeak,
    ForecastModel model,
    Duration horizon,
    String recentErrorPercent,
    boolean metricsAvailable,
    String message,
    List<ActiveSchedule> activeSchedules) {

  static ReportedRecommendation of(Recommendation r) {
    return new ReportedRecommendation(
        r.mode(),
        r.actionable(),
        r.decision().previous(),
        r.floor(),
        r.decision().reason(),
        figure(r.forecast().next()),
        figure(r.forecast().peak()),
        r.forecast().model(),
        r.forecast().horizon(),
        figure(r.accuracy().recentError() * 100),
        r.metricsAvailable(),
        r.message(),
        r.activeSchedules());
  }

  /** A figure as the status shows it: two decimals, none when it is not a number. */
  public static String figure(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : null;
  }
}
