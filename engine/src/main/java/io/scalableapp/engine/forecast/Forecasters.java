package io.scalableapp.engine.forecast;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds the forecaster an app asked for, with the engine's default settings. */
public final class Forecasters {

  /** The models AUTO chooses among, in order of preference on a tie. */
  public static final List<ForecastModel> AUTO_CANDIDATES =
      List.of(
          ForecastModel.SEASONAL_PROFILE,
          ForecastModel.HOLT_WINTERS,
          ForecastModel.LINEAR,
          ForecastModel.SEASONAL_NAIVE);

  private Forecasters() {}

  /**
   * @param period resolved seasonal period (see {@link SeasonalityDetector#resolve}), or empty
   * @param leadSteps forecast lead AUTO judges candidates at, normally the scaler's horizon
   */
  public static Forecaster create(ForecastModel model, Optional<Duration> period, int leadSteps) {
    return switch (model) {
      case HOLT_WINTERS -> new HoltWintersForecaster(period);
      case LINEAR -> new LinearTrendForecaster();
      case SEASONAL_NAIVE -> new SeasonalNaiveForecaster(period);
      case SEASONAL_PROFILE -> new SeasonalProfileForecaster(period);
      case AUTO ->
          new AutoForecaster(
              AUTO_CANDIDATES.stream().map(m -> create(m, period, leadSteps)).toList(), leadSteps);
    };
  }
}
