package io.scalableapp.engine;

import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.series.Series;
import java.time.Duration;

/**
 * What one evaluation forecast; without a forecast (no metrics, a hold) its figures are NaN and its
 * model null.
 *
 * @param peak highest forecast demand within the horizon, NaN without a forecast
 * @param next forecast demand for the next step, NaN without a forecast
 * @param model concrete model that produced the forecast, null without one
 * @param modelDetail model parameters and, for AUTO, the backtest scores; empty without a forecast
 * @param horizon how far ahead the floor provisions
 * @param points the pointwise forecast from the end of the data to the horizon (one point a step,
 *     so callers can score every lead), null without a forecast
 */
public record ForecastSummary(
    double peak,
    double next,
    ForecastModel model,
    String modelDetail,
    Duration horizon,
    Series points) {}
