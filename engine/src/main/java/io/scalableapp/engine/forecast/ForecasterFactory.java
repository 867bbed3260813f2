package io.scalableapp.engine.forecast;

import java.time.Duration;
import java.util.Optional;

/**
 * Builds the forecaster for an app's model choice. {@link #DEFAULT} is what production uses; the
 * lab passes its own to {@code PredictiveScaler} to run the real decision logic on deliberately
 * degraded forecasts. Return an {@link AutoForecaster} for AUTO to keep the per-app reuse of its
 * model choice.
 */
@FunctionalInterface
public interface ForecasterFactory {

  ForecasterFactory DEFAULT = Forecasters::create;

  Forecaster create(ForecastModel model, Optional<Duration> period, int leadSteps);
}
