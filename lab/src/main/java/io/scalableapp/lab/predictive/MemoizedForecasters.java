package io.scalableapp.lab.predictive;

import io.scalableapp.engine.forecast.AutoForecaster;
import io.scalableapp.engine.forecast.Forecast;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.forecast.Forecasters;
import io.scalableapp.engine.forecast.SwitchRule;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's forecasters with every forecast remembered by what it was made from (model, season,
 * newest point, history length, steps). A candidate's forecast depends only on that, not on which
 * model AUTO picked, so replaying one recording under several AUTO switch rules fits each candidate
 * once per evaluation instead of once per rule.
 */
public final class MemoizedForecasters {

  private record Key(
      ForecastModel model, Optional<Duration> period, Instant end, int size, int steps) {}

  private final Map<Key, Forecast> memo = new ConcurrentHashMap<>();

  /** Fixed models as the engine makes them; AUTO over the engine's candidates with {@code rule}. */
  public ForecasterFactory withSwitchRule(SwitchRule rule) {
    return (model, period, lead) ->
        model == ForecastModel.AUTO
            ? new AutoForecaster(
                Forecasters.AUTO_CANDIDATES.stream().map(m -> memoized(m, period, lead)).toList(),
                lead,
                rule)
            : memoized(model, period, lead);
  }

  private Forecaster memoized(ForecastModel model, Optional<Duration> period, int lead) {
    Forecaster real = Forecasters.create(model, period, lead);
    return new Forecaster() {
      @Override
      public ForecastModel model() {
        return model;
      }

      @Override
      public Forecast forecast(Series history, int steps) {
        return memo.computeIfAbsent(
            new Key(model, period, history.end(), history.size(), steps),
            k -> real.forecast(history, steps));
      }
    };
  }

  /** Forecasts remembered so far. */
  public int size() {
    return memo.size();
  }
}
