package io.scalableapp.engine.forecast;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which candidate AUTO forecasts with, given each candidate's recent error: the preferred one (the
 * first, the model that did best on the training parts of the replayed traces) unless another's
 * error is lower by more than {@code margin} (relative), then the one with the lowest error. Two
 * good models' errors over a day differ by noise most of the time; following every wobble pays for
 * each switch (the new model's first forecasts after the old one's bad patch) and wins nothing, so
 * only a clear lead moves AUTO off its prior. Anchoring to the preferred model and not to the model
 * in use means a poor early choice is not kept by the margin. Used by both the cold-start backtest
 * and the live scores. {@link #DEFAULT} was chosen on the training parts of the replayed traces by
 * {@code lab/.../bench/SwitchRuleTuning}; re-run it ({@code make bench-forecast}) to see the grid.
 *
 * @param margin relative error reduction a challenger needs, e.g. 0.1 = at least 10 % lower; 0
 *     follows the best
 */
public record SwitchRule(double margin) {

  public static final SwitchRule DEFAULT = new SwitchRule(0.05);

  public SwitchRule {
    if (!(margin >= 0 && margin < 1)) {
      throw new IllegalArgumentException("margin must be in [0, 1), got " + margin);
    }
  }

  /**
   * @param models candidates, the preferred one first; on a tie the earlier wins
   * @param errors each candidate's recent error (any measure where lower is better)
   */
  public ForecastModel choose(List<ForecastModel> models, Map<ForecastModel, Double> errors) {
    ForecastModel preferred = models.get(0);
    ForecastModel best = preferred;
    for (ForecastModel m : models) {
      if (errors.get(m) < errors.get(best)) {
        best = m;
      }
    }
    return errors.get(best) < errors.get(preferred) * (1 - margin) ? best : preferred;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "switch margin %.0f %%", margin * 100);
  }
}
