package io.scalableapp.lab.predictive;

import io.scalableapp.engine.forecast.Forecast;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.forecast.Forecasters;
import io.scalableapp.engine.forecast.HoltWintersForecaster;
import io.scalableapp.engine.forecast.SeasonalProfileForecaster;
import io.scalableapp.engine.forecast.SeasonalProfileForecaster.Settings;
import io.scalableapp.engine.series.Series;
import io.scalableapp.lab.trace.TraceCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Ideas for the NASA 5-minute protocol that are not in {@link ProfileTuning}'s grid because they
 * need what the engine does not ship (a longer lookback than the default, a median of models), each
 * scored on the validation window inside the training part; {@code --test} adds the test part's
 * figure, for the record only (nothing is chosen by it). The analysis page quotes its output.
 * Usage: {@code [--traces DIR] [--test]}.
 */
public final class ProtocolAttempts {

  private record Attempt(String name, ForecasterFactory forecasters, Duration lookback) {}

  private ProtocolAttempts() {}

  public static void main(String[] args) {
    Path traces = null;
    boolean test = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--traces" -> traces = Path.of(args[++i]);
        case "--test" -> test = true;
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + "; usage: [--traces DIR] [--test]");
      }
    }
    PublishedProtocol protocol =
        new PublishedProtocol(
            new TraceCatalog(traces != null ? traces : TraceCatalog.locate(Path.of(""))).nasa());
    Duration week = Duration.ofDays(7);
    List<Attempt> attempts =
        List.of(
            new Attempt("SEASONAL_PROFILE as shipped", Forecasters::create, week),
            new Attempt(
                "median of SEASONAL_PROFILE, HOLT_WINTERS, LINEAR",
                (m, period, lead) ->
                    median(
                        List.of(
                            Forecasters.create(ForecastModel.SEASONAL_PROFILE, period, lead),
                            Forecasters.create(ForecastModel.HOLT_WINTERS, period, lead),
                            Forecasters.create(ForecastModel.LINEAR, period, lead))),
                week),
            new Attempt("lookback 14d, profile over 14 days", profile(14), Duration.ofDays(14)),
            new Attempt("lookback 21d, profile over 21 days", profile(21), Duration.ofDays(21)));
    for (Attempt a : attempts) {
      double validation =
          protocol
              .evaluate(
                  a.name(),
                  ForecastModel.SEASONAL_PROFILE,
                  a.forecasters(),
                  PublishedProtocol.VALIDATION,
                  a.lookback())
              .mapePercent();
      String line =
          String.format(Locale.ROOT, "%-50s validation MAPE %.2f %%", a.name(), validation);
      if (test) {
        line +=
            String.format(
                Locale.ROOT,
                "   test MAPE %.2f %%",
                protocol
                    .evaluate(
                        a.name(),
                        ForecastModel.SEASONAL_PROFILE,
                        a.forecasters(),
                        PublishedProtocol.TEST,
                        a.lookback())
                    .mapePercent());
      }
      System.out.println(line);
    }
  }

  private static ForecasterFactory profile(int days) {
    Settings d = Settings.DEFAULT;
    Settings s = new Settings(days, d.neighbours(), d.arOrder(), d.dailyLag(), d.levelWindows());
    return (m, period, lead) ->
        new SeasonalProfileForecaster(period, HoltWintersForecaster.DEFAULT_BUCKET, s);
  }

  /** The pointwise median of the models' forecasts, labelled as the first model. */
  private static Forecaster median(List<Forecaster> models) {
    return new Forecaster() {
      @Override
      public ForecastModel model() {
        return models.get(0).model();
      }

      @Override
      public Forecast forecast(Series history, int steps) {
        double[][] byModel =
            models.stream()
                .map(f -> f.forecast(history, steps).points().toArray())
                .toArray(double[][]::new);
        double[] out = new double[steps];
        double[] values = new double[byModel.length];
        for (int s = 0; s < steps; s++) {
          for (int k = 0; k < values.length; k++) {
            values[k] = byModel[k][s];
          }
          Arrays.sort(values);
          int mid = values.length / 2;
          out[s] = values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        }
        return Forecast.after(history, out, model(), "median of " + models.size() + " models");
      }
    };
  }
}
