package io.scalableapp.engine;

import io.scalableapp.engine.forecast.AutoForecaster;
import io.scalableapp.engine.forecast.Forecast;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.forecast.SeasonalityDetector;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Resolves seasonality and model for an app and runs the forecast, reusing AUTO choices. */
final class ForecastStage {

    private ForecastStage() {
    }

    static Forecast run(ForecasterFactory factory, AppScalingSpec spec, Series history, int steps, int leadSteps,
                        ScalerState state, Instant now) {
        Optional<Duration> period = SeasonalityDetector.resolve(spec.seasonality(), history);
        Forecaster forecaster = factory.create(spec.model(), period, leadSteps);
        if (!(forecaster instanceof AutoForecaster auto)) {
            return forecaster.forecast(history, steps);
        }
        ModelChoice choice = state.modelChoice();
        if (choice == null || !choice.reusableFor(spec.model(), period, leadSteps, now, spec.modelReselectEvery())) {
            choice = new ModelChoice(auto.select(history), spec.model(), period, leadSteps, now);
            state.modelChoice(choice);
        }
        return AutoForecaster.forecastWith(choice.selection(), history, steps);
    }
}
