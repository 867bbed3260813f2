package io.scalableapp.lab.predictive;

import io.scalableapp.engine.forecast.Forecast;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.series.Series;

/**
 * Decorator: the wrapped forecast times {@code 1 + bias}, a systematically over- or under-shooting
 * model.
 */
public final class BiasedForecaster implements Forecaster {

  private final Forecaster inner;
  private final double bias;

  public BiasedForecaster(Forecaster inner, double bias) {
    if (bias <= -1) {
      throw new IllegalArgumentException("bias must be above -100 %");
    }
    this.inner = inner;
    this.bias = bias;
  }

  /** Reports the wrapped model, so the engine's per-model logic treats it as that model. */
  @Override
  public ForecastModel model() {
    return inner.model();
  }

  @Override
  public Forecast forecast(Series history, int steps) {
    Forecast f = inner.forecast(history, steps);
    double[] values = f.points().toArray();
    for (int i = 0; i < values.length; i++) {
      values[i] *= 1 + bias;
    }
    return Forecast.after(
        history, values, f.model(), f.description() + String.format(" [bias %+.0f%%]", bias * 100));
  }
}
