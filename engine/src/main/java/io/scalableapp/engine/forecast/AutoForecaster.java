package io.scalableapp.engine.forecast;

import io.scalableapp.engine.series.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Picks a candidate by its recent out-of-sample error (through the {@link SwitchRule}: the
 * preferred first candidate unless another is clearly better), then refits it on everything.
 *
 * <p>This class is the stateless part: the one-off backtest below, used when nothing better is
 * known. The engine running AUTO for an app ({@code ForecastStage}) forecasts with every candidate
 * at every evaluation and scores them all against the actuals as they arrive; once a day of those
 * live scores exists it chooses by them instead, a rolling-origin evaluation with an origin every
 * evaluation.
 *
 * <p>Backtest: the last part of the history (10%, at least {@link #MIN_HOLDOUT_LEADS} x lead) is
 * held out. From {@link #ORIGINS} origins (its start and its end) each candidate is fitted on the
 * data before the origin and forecasts {@code leadSteps} ahead; errors are pooled as WAPE. Two
 * origins rather than one keep a single odd hour from deciding, and forecasting exactly the lead
 * the scaler uses measures the accuracy that matters for the decision. Not more: every origin
 * refits every candidate (Holt-Winters' fit dominates), this choice only bridges the hour until the
 * live scores decide, and the {@link SwitchRule} keeps the preferred model unless another is
 * clearly better, so a few more points of evidence would rarely change it. Two keep this start-up
 * selection well under the engine's 5 ms budget per app (six cost 9.3 ms).
 */
public final class AutoForecaster implements Forecaster {

  static final int ORIGINS = 2;

  /**
   * The hold-out spans at least this many leads, and needs half the history before it, or AUTO does
   * not judge.
   */
  static final int MIN_HOLDOUT_LEADS = 6;

  private final List<Forecaster> candidates;
  private final int leadSteps;
  private final SwitchRule switchRule;

  /**
   * @param candidates the preferred first (see {@link SwitchRule}), which also forecasts with too
   *     little history to judge
   * @param leadSteps how far ahead the forecasts are judged, normally the scaler's horizon
   */
  public AutoForecaster(List<Forecaster> candidates, int leadSteps) {
    this(candidates, leadSteps, SwitchRule.DEFAULT);
  }

  /**
   * @param switchRule how the errors choose, in the backtest and in the engine's live selection
   */
  public AutoForecaster(List<Forecaster> candidates, int leadSteps, SwitchRule switchRule) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("need at least one candidate");
    }
    this.candidates = List.copyOf(candidates);
    this.leadSteps = Math.max(1, leadSteps);
    this.switchRule = switchRule;
  }

  /** The winner and every candidate's backtest WAPE (empty when the history was too short). */
  public record Selection(Forecaster chosen, Map<ForecastModel, Double> wapeByModel) {

    public String summary() {
      return wapeByModel.entrySet().stream()
          .map(e -> e.getKey() + "=" + String.format("%.3f", e.getValue()))
          .collect(Collectors.joining(" ", "holdout WAPE ", ""));
    }
  }

  @Override
  public ForecastModel model() {
    return ForecastModel.AUTO;
  }

  public SwitchRule switchRule() {
    return switchRule;
  }

  /** The candidates, the preferred first. */
  public List<Forecaster> candidates() {
    return candidates;
  }

  @Override
  public Forecast forecast(Series history, int steps) {
    return forecastWith(select(history), history, steps);
  }

  /** Forecasts with an earlier selection, so callers can reuse one for a while. */
  public static Forecast forecastWith(Selection selection, Series history, int steps) {
    Forecast f = selection.chosen().forecast(history, steps);
    String why =
        selection.wapeByModel().isEmpty() ? "too little history to compare" : selection.summary();
    return new Forecast(f.points(), f.model(), "AUTO -> " + f.description() + " (" + why + ")");
  }

  public Selection select(Series history) {
    int n = history.size();
    int holdout = Math.max(n / 10, MIN_HOLDOUT_LEADS * leadSteps);
    if (candidates.size() == 1 || n - holdout < n / 2 || holdout < leadSteps + ORIGINS) {
      return new Selection(candidates.get(0), Map.of());
    }
    double[] y = history.toArray();
    List<Integer> origins = new ArrayList<>();
    for (int i = 0; i < ORIGINS; i++) {
      origins.add(n - holdout + (int) ((long) i * (holdout - leadSteps) / (ORIGINS - 1)));
    }
    Map<ForecastModel, Double> scores = new LinkedHashMap<>();
    for (Forecaster candidate : candidates) {
      scores.put(candidate.model(), backtest(candidate, history, y, origins));
    }
    ForecastModel chosen = switchRule.choose(List.copyOf(scores.keySet()), scores);
    return new Selection(
        candidates.stream().filter(c -> c.model() == chosen).findFirst().orElseThrow(), scores);
  }

  private double backtest(Forecaster candidate, Series history, double[] y, List<Integer> origins) {
    double err = 0, total = 0;
    for (int origin : origins) {
      Forecast f = candidate.forecast(history.slice(0, origin), leadSteps);
      for (int s = 0; s < leadSteps; s++) {
        double actual = y[origin + s];
        if (!Double.isNaN(actual)) {
          err += Math.abs(actual - f.get(s));
          total += Math.abs(actual);
        }
      }
    }
    // All-zero actuals: fall back to absolute error so the comparison still means something.
    return total == 0 ? err : err / total;
  }
}
