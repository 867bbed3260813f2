package io.scalableapp.engine;

import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.schedule.ActiveSchedule;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One evaluation's outcome, with everything needed to explain it (status, events, dashboards).
 *
 * @param time             clock time of the evaluation
 * @param actionable       true only in {@link ScalingMode#ENFORCE}: the caller should apply {@code floor}
 * @param previousFloor    floor before this evaluation (replicas.min on the first one)
 * @param floor            recommended minimum replicas; the HPA still scales above it
 * @param desiredFloor     floor before bounds, stabilisation and rate limits
 * @param reason           the last rule that shaped {@code floor}
 * @param forecastPeak     highest forecast demand within the horizon, NaN without a forecast
 * @param forecastNow      forecast demand for the next step, NaN without a forecast
 * @param model            concrete model that produced the forecast, null without one
 * @param modelDetail      model parameters and, for AUTO, the backtest scores; empty without a forecast
 * @param horizon          how far ahead the floor provisions
 * @param recentError      rolling forecast error (WAPE, fraction) against actuals, NaN until scored
 * @param errorSamples     number of forecasts {@code recentError} is based on
 * @param metricsAvailable false when demand could not be fetched or was invalid
 * @param message          human-readable explanation
 * @param activeSchedules  the schedules in force at {@code time}, whether or not they moved the floor
 * @param forecast         the pointwise forecast from the end of the data to the horizon (one point a step, so
 *                         callers can score every lead), null without a forecast
 */
public record Recommendation(
        Instant time,
        ScalingMode mode,
        boolean actionable,
        int previousFloor,
        int floor,
        int desiredFloor,
        Reason reason,
        double forecastPeak,
        double forecastNow,
        ForecastModel model,
        String modelDetail,
        Duration horizon,
        double recentError,
        int errorSamples,
        boolean metricsAvailable,
        String message,
        List<ActiveSchedule> activeSchedules,
        Series forecast) {

    public Recommendation {
        activeSchedules = activeSchedules == null ? List.of() : List.copyOf(activeSchedules);
    }

    /**
     * Whether {@code other} decides and explains the same as this one, whenever each was made (the forecast series
     * moves with time, so it is not compared; its figures are).
     */
    public boolean sameAs(Recommendation other) {
        return other != null && new Recommendation(other.time, mode, actionable, previousFloor, floor, desiredFloor,
                reason, forecastPeak, forecastNow, model, modelDetail, horizon, recentError, errorSamples,
                metricsAvailable, message, activeSchedules, other.forecast).equals(other);
    }
}
