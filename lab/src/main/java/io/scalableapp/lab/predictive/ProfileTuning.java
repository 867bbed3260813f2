package io.scalableapp.lab.predictive;

import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.HoltWintersForecaster;
import io.scalableapp.engine.forecast.SeasonalProfileForecaster;
import io.scalableapp.engine.forecast.SeasonalProfileForecaster.Settings;
import io.scalableapp.engine.replay.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tuning behind {@link Settings#DEFAULT}: every setting in a small grid scored on the
 * validation window of the NASA 5-minute protocol ({@link PublishedProtocol#VALIDATION}, inside the
 * training part), never on its test part. The lowest MAPE wins.
 */
public final class ProfileTuning {

  static final int[] PROFILE_DAYS = {3, 7};
  static final int[] NEIGHBOURS = {1, 2, 3};
  static final int[] AR_ORDERS = {1, 2};
  static final int[][] LEVEL_WINDOWS = {{12}, {12, 72}};
  static final boolean[] DAILY_LAGS = {false, true};

  public record Trial(Settings settings, double validationMapePercent) {}

  private ProfileTuning() {}

  /** Every trial, best first. */
  public static List<Trial> run(Trace nasa) {
    PublishedProtocol protocol = new PublishedProtocol(nasa);
    List<Trial> trials = new ArrayList<>();
    for (int days : PROFILE_DAYS) {
      for (int neighbours : NEIGHBOURS) {
        for (int order : AR_ORDERS) {
          for (int[] levels : LEVEL_WINDOWS) {
            for (boolean dailyLag : DAILY_LAGS) {
              Settings s = new Settings(days, neighbours, order, dailyLag, levels);
              PublishedProtocol.Result r =
                  protocol.evaluate(
                      s.toString(),
                      ForecastModel.SEASONAL_PROFILE,
                      (model, period, lead) ->
                          new SeasonalProfileForecaster(
                              period, HoltWintersForecaster.DEFAULT_BUCKET, s),
                      PublishedProtocol.VALIDATION);
              trials.add(new Trial(s, r.mapePercent()));
            }
          }
        }
      }
    }
    trials.sort(Comparator.comparingDouble(Trial::validationMapePercent));
    return trials;
  }
}
