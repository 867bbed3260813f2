package io.scalableapp.engine;

import io.scalableapp.engine.forecast.AutoForecaster;
import io.scalableapp.engine.forecast.Forecaster;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * LAB-ONLY WORKAROUND, not part of the engine. The engine builds its forecasters internally and offers no seam
 * to substitute one, so the robustness runs cannot hand it a deliberately bad forecaster. This class sits in
 * the engine's package (in the lab module) to reach the one place a forecaster is kept between evaluations: the
 * remembered AUTO choice. It wraps the chosen forecaster; the engine then forecasts with the wrapper and runs
 * all its own logic on the result. Remove once the engine accepts a forecaster factory.
 */
public final class LabAutoChoiceAccess {

    private LabAutoChoiceAccess() {
    }

    /** Wraps the remembered AUTO choice of {@code state} unless there is none or it is already wrapped. */
    public static void wrapChosenForecaster(ScalerState state, UnaryOperator<Forecaster> wrap,
                                            Predicate<Forecaster> alreadyWrapped) {
        ModelChoice choice = state.modelChoice();
        if (choice == null || alreadyWrapped.test(choice.selection().chosen())) {
            return;
        }
        AutoForecaster.Selection wrapped = new AutoForecaster.Selection(
                wrap.apply(choice.selection().chosen()), choice.selection().wapeByModel());
        state.modelChoice(new ModelChoice(wrapped, choice.requested(), choice.period(), choice.leadSteps(),
                choice.chosenAt()));
    }
}
