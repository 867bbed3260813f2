package io.scalableapp.engine;

import io.scalableapp.engine.ScalerSnapshot.ModelChoiceSnapshot;
import io.scalableapp.engine.ScalerSnapshot.ModelScore;
import io.scalableapp.engine.forecast.AutoForecaster;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.forecast.ForecasterFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An AUTO model selection remembered per app. Selecting backtests every candidate (several fits
 * each), while demand character changes over hours, so reusing the choice keeps an evaluation to
 * one fit.
 */
record ModelChoice(
    AutoForecaster.Selection selection,
    ForecastModel requested,
    Optional<Duration> period,
    int leadSteps,
    Instant chosenAt) {

  boolean reusableFor(
      ForecastModel model, Optional<Duration> p, int lead, Instant now, Duration maxAge) {
    return requested == model
        && period.equals(p)
        && leadSteps == lead
        && now.isBefore(chosenAt.plus(maxAge));
  }

  ModelChoiceSnapshot snapshot() {
    return new ModelChoiceSnapshot(
        requested,
        selection.chosen().model(),
        period.orElse(null),
        leadSteps,
        chosenAt,
        selection.wapeByModel().entrySet().stream()
            .map(e -> new ModelScore(e.getKey(), e.getValue()))
            .toList());
  }

  /** Rebuilds a stored choice, recreating the chosen forecaster as {@code factory} makes it. */
  static ModelChoice restore(ModelChoiceSnapshot s, ForecasterFactory factory) {
    Optional<Duration> period = Optional.ofNullable(s.period());
    Forecaster chosen = factory.create(s.chosen(), period, s.leadSteps());
    if (chosen.model() != s.chosen()) {
      throw new IllegalArgumentException(
          "the forecaster factory made a " + chosen.model() + " forecaster for " + s.chosen());
    }
    Map<ForecastModel, Double> scores = new LinkedHashMap<>();
    s.backtest().forEach(m -> scores.put(m.model(), m.wape()));
    return new ModelChoice(
        new AutoForecaster.Selection(chosen, scores),
        s.requested(),
        period,
        s.leadSteps(),
        s.chosenAt());
  }
}
