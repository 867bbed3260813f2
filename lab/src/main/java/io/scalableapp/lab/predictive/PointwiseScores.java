package io.scalableapp.lab.predictive;

import io.scalableapp.engine.forecast.ForecastModel;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pointwise forecast errors by lead (steps ahead of the newest data): WAPE (sum |a - f| / sum a)
 * and MAPE (mean |a - f| / a over actuals above 0), per lead and pooled over leads. Missing actuals
 * are skipped. Also counts which concrete model produced each forecast, to show what AUTO chose.
 */
public final class PointwiseScores {

  private static final class Sums {
    double absError;
    double actual;
    double relError;
    int relCount;
    int count;
  }

  private final Map<Integer, Sums> byLead = new TreeMap<>();
  private final Map<ForecastModel, Integer> chosen = new EnumMap<>(ForecastModel.class);

  public void add(int lead, double actual, double forecast) {
    if (Double.isNaN(actual) || Double.isNaN(forecast)) {
      return;
    }
    Sums s = byLead.computeIfAbsent(lead, k -> new Sums());
    s.absError += Math.abs(actual - forecast);
    s.actual += actual;
    s.count++;
    if (actual > 0) {
      s.relError += Math.abs(actual - forecast) / actual;
      s.relCount++;
    }
  }

  private long evaluations;
  private long cpuNanos;

  /** One engine evaluation and the CPU time it took. */
  public void evaluated(long cpuNanos) {
    this.evaluations++;
    this.cpuNanos += cpuNanos;
  }

  /** Mean CPU time of an evaluation in milliseconds, NaN before any. */
  public double cpuMillisPerEvaluation() {
    return evaluations == 0 ? Double.NaN : cpuNanos / 1e6 / evaluations;
  }

  public void chose(ForecastModel model) {
    chosen.merge(model, 1, Integer::sum);
  }

  /** WAPE in percent at {@code lead}, NaN if nothing was scored there. */
  public double wapePercent(int lead) {
    Sums s = byLead.get(lead);
    return s == null || s.actual == 0 ? Double.NaN : 100 * s.absError / s.actual;
  }

  /** MAPE in percent at {@code lead}, NaN if nothing was scored there. */
  public double mapePercent(int lead) {
    Sums s = byLead.get(lead);
    return s == null || s.relCount == 0 ? Double.NaN : 100 * s.relError / s.relCount;
  }

  /** WAPE in percent over leads {@code 1..maxLead} together. */
  public double pooledWapePercent(int maxLead) {
    double err = 0, actual = 0;
    for (int lead = 1; lead <= maxLead; lead++) {
      Sums s = byLead.get(lead);
      if (s != null) {
        err += s.absError;
        actual += s.actual;
      }
    }
    return actual == 0 ? Double.NaN : 100 * err / actual;
  }

  /** Forecast points scored at {@code lead}. */
  public int count(int lead) {
    Sums s = byLead.get(lead);
    return s == null ? 0 : s.count;
  }

  /** How many evaluations each concrete model produced the forecast of. */
  public Map<ForecastModel, Integer> chosenModels() {
    return Map.copyOf(chosen);
  }
}
