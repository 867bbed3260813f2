package io.scalableapp.engine.forecast;

/** Forecasting model requested by an app; {@link #AUTO} picks one by recent out-of-sample error. */
public enum ForecastModel {
  AUTO,
  HOLT_WINTERS,
  LINEAR,
  SEASONAL_NAIVE,
  SEASONAL_PROFILE
}
