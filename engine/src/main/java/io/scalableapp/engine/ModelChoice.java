package io.scalableapp.engine;

import io.scalableapp.engine.forecast.AutoForecaster;
import io.scalableapp.engine.forecast.ForecastModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An AUTO model selection remembered per app. Selecting backtests every candidate (several fits
 * each), while demand character changes over hours, so reusing the choice keeps an evaluation to
 * one fit.
 */
record ModelChoice(AutoForecaster.Selection selection, ForecastModel requested, Optional<Duration> period,
                   int leadSteps, Instant chosenAt) {

    boolean reusableFor(ForecastModel model, Optional<Duration> p, int lead, Instant now, Duration maxAge) {
        return requested == model && period.equals(p) && leadSteps == lead && now.isBefore(chosenAt.plus(maxAge));
    }
}
