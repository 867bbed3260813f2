package io.scalableapp.engine;

import io.scalableapp.engine.forecast.AutoForecaster;
import io.scalableapp.engine.forecast.Forecast;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.forecast.SeasonalityDetector;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves seasonality and model for an app and runs the forecast. For AUTO every candidate
 * forecasts at every evaluation and is scored live ({@link LiveModelScores}); once there is an hour
 * of those scores they choose (through the {@link io.scalableapp.engine.forecast.SwitchRule}), and
 * the hourly-reused backtest choice ({@link ModelChoice}) until then.
 */
final class ForecastStage {

  private ForecastStage() {}

  static Forecast run(
      ForecasterFactory factory,
      AppScalingSpec spec,
      Series history,
      int steps,
      int leadSteps,
      ScalerState state,
      Instant now) {
    Optional<Duration> period = SeasonalityDetector.resolve(spec.seasonality(), history);
    Forecaster forecaster = factory.create(spec.model(), period, leadSteps);
    if (!(forecaster instanceof AutoForecaster auto)) {
      return forecaster.forecast(history, steps);
    }
    LiveModelScores live = state.liveScores();
    live.reconcile(history, now);
    Map<ForecastModel, Forecast> forecasts = new LinkedHashMap<>();
    for (Forecaster candidate : auto.candidates()) {
      Forecast f = candidate.forecast(history, steps);
      forecasts.put(candidate.model(), f);
      live.expect(f);
    }
    List<ForecastModel> models = List.copyOf(forecasts.keySet());
    Optional<Map<ForecastModel, Double>> liveWapes = live.wapes(models);
    if (liveWapes.isPresent()) {
      Map<ForecastModel, Double> wapes = liveWapes.get();
      ForecastModel best = auto.switchRule().choose(models, wapes);
      Forecaster chosen = auto.candidates().get(models.indexOf(best));
      state.modelChoice(
          new ModelChoice(
              new AutoForecaster.Selection(chosen, wapes), spec.model(), period, leadSteps, now));
      return describe(
          forecasts.get(best),
          "live WAPE at the lead over the last "
              + LiveModelScores.WINDOW.toHours()
              + " h, "
              + auto.switchRule()
              + ": "
              + wapes.entrySet().stream()
                  .map(e -> e.getKey() + "=" + String.format("%.3f", e.getValue()))
                  .collect(Collectors.joining(" ")));
    }
    ModelChoice choice = state.modelChoice();
    if (choice == null
        || !choice.reusableFor(spec.model(), period, leadSteps, now, spec.modelReselectEvery())) {
      choice = new ModelChoice(auto.select(history), spec.model(), period, leadSteps, now);
      state.modelChoice(choice);
    }
    Forecast chosen = forecasts.get(choice.selection().chosen().model());
    if (chosen == null) { // a restored choice of a model that is no longer a candidate
      return AutoForecaster.forecastWith(choice.selection(), history, steps);
    }
    AutoForecaster.Selection s = choice.selection();
    return describe(
        chosen, s.wapeByModel().isEmpty() ? "too little history to compare" : s.summary());
  }

  private static Forecast describe(Forecast f, String why) {
    return new Forecast(f.points(), f.model(), "AUTO -> " + f.description() + " (" + why + ")");
  }
}
