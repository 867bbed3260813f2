package io.scalableapp.engine;

/**
 * How well this app's recent forecasts matched the actuals.
 *
 * @param recentError rolling forecast error (WAPE, fraction) against actuals, NaN until scored
 * @param samples number of forecasts {@code recentError} is based on
 */
public record ForecastAccuracy(double recentError, int samples) {}
