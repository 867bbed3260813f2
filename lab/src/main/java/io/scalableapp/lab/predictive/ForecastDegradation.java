package io.scalableapp.lab.predictive;

import io.scalableapp.engine.forecast.AutoForecaster;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.forecast.Forecasters;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A deliberate forecast error for the robustness runs, applied by wrapping the engine's own
 * forecaster so that everything but the error stays the engine's.
 */
public record ForecastDegradation(String label, UnaryOperator<Forecaster> wrapper) {

  public static ForecastDegradation none() {
    return new ForecastDegradation("none", UnaryOperator.identity());
  }

  /** +0.5: every forecast point 50 % too high; -0.5: 50 % too low. */
  public static ForecastDegradation bias(double bias) {
    return new ForecastDegradation(
        String.format("bias %+d %%", Math.round(bias * 100)),
        inner -> new BiasedForecaster(inner, bias));
  }

  public static ForecastDegradation early(Duration shift) {
    return new ForecastDegradation(
        "phase shift " + shift.toMinutes() + " min early",
        inner -> new PhaseShiftedForecaster(inner, shift));
  }

  public Forecaster wrap(Forecaster inner) {
    return wrapper.apply(inner);
  }

  /**
   * The engine's forecaster factory with every forecast degraded. For AUTO each candidate is
   * wrapped, so the engine's own selection, backtests and hourly reuse of the choice all run on
   * degraded forecasts.
   */
  public ForecasterFactory factory() {
    if (isNone()) {
      return ForecasterFactory.DEFAULT;
    }
    return (model, period, leadSteps) ->
        model != ForecastModel.AUTO
            ? wrap(ForecasterFactory.DEFAULT.create(model, period, leadSteps))
            : new AutoForecaster(
                Forecasters.AUTO_CANDIDATES.stream()
                    .map(m -> wrap(ForecasterFactory.DEFAULT.create(m, period, leadSteps)))
                    .toList(),
                leadSteps);
  }

  public boolean isNone() {
    return label.equals("none");
  }
}
