package io.scalableapp.lab.predictive;

import io.scalableapp.engine.LabAutoChoiceAccess;

/**
 * Degrades the forecaster the engine's AUTO mode has chosen, before each evaluation. The engine re-selects the
 * model every hour and forecasts once with the fresh, undegraded choice before this hook can wrap it, so about
 * one evaluation in sixty is undegraded. See {@link LabAutoChoiceAccess} for why this is needed at all.
 */
final class AutoChoiceDegrader {

    private AutoChoiceDegrader() {
    }

    static EngineFloorSchedule.EvaluationHook hook(ForecastDegradation degradation) {
        return state -> LabAutoChoiceAccess.wrapChosenForecaster(state, degradation::wrap,
                f -> f instanceof DegradedForecaster);
    }
}
