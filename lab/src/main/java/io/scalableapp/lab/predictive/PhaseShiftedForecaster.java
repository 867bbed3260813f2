package io.scalableapp.lab.predictive;

import io.scalableapp.engine.forecast.Forecast;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.series.Steps;
import java.time.Duration;

/**
 * Decorator: the forecast runs {@code shift} early; the point for time t is the wrapped model's
 * forecast for t + shift. The floor then rises before a peak and, the dangerous half, falls before
 * demand does.
 */
public final class PhaseShiftedForecaster implements Forecaster {

  private final Forecaster inner;
  private final Duration shift;

  public PhaseShiftedForecaster(Forecaster inner, Duration shift) {
    this.inner = inner;
    this.shift = shift;
  }

  @Override
  public ForecastModel model() {
    return inner.model();
  }

  @Override
  public Forecast forecast(Series history, int steps) {
    int offset = Steps.nearest(shift, history.step());
    Forecast f = inner.forecast(history, steps + offset);
    double[] values = f.points().slice(offset, offset + steps).toArray();
    return Forecast.after(
        history, values, f.model(), f.description() + " [" + shift.toMinutes() + " min early]");
  }
}
