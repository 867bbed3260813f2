package io.scalableapp.lab.predictive;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.PredictiveScaler;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The engine forecasting a recorded series as the operator would, one evaluation per step on a
 * simulated clock, with every forecast point scored against the recording afterwards: the forecast
 * side of the lab without the cluster. Evaluations before {@code scoreFrom} only warm the engine's
 * rolling state up (AUTO's live scores).
 */
public final class ForecastReplay {

  /** CPU time, unlike wall time, is not inflated by other processes sharing the machine. */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private ForecastReplay() {}

  /**
   * Evaluates at the time of every recording point in {@code [warmFrom, to)} (that point being the
   * newest the engine can see) and scores the forecasts made from {@code scoreFrom} on, for every
   * point that lands inside the recording before {@code to}.
   */
  public static PointwiseScores run(
      Series recording,
      AppScalingSpec spec,
      ForecasterFactory forecasters,
      int warmFrom,
      int scoreFrom,
      int to) {
    return run(recording, spec, forecasters, warmFrom, scoreFrom, to, 1);
  }

  /** As above, evaluating at every {@code every}-th point only (a cheaper, sparser replay). */
  public static PointwiseScores run(
      Series recording,
      AppScalingSpec spec,
      ForecasterFactory forecasters,
      int warmFrom,
      int scoreFrom,
      int to,
      int every) {
    ManualClock clock = new ManualClock(recording.timeAt(warmFrom));
    PredictiveScaler scaler = new PredictiveScaler(clock, forecasters);
    ScalerState state = new ScalerState();
    InMemoryDemandSource source = new InMemoryDemandSource(recording);
    PointwiseScores scores = new PointwiseScores();
    for (int i = warmFrom; i < to; i += every) {
      clock.set(recording.timeAt(i));
      long cpuBefore = CPU.getCurrentThreadCpuTime();
      Recommendation r = scaler.evaluate(spec, source, state);
      scores.evaluated(CPU.getCurrentThreadCpuTime() - cpuBefore);
      if (i < scoreFrom || r.forecast().points() == null) {
        continue;
      }
      scores.chose(r.forecast().model());
      Series f = r.forecast().points();
      for (int k = 0; k < f.size(); k++) {
        int at = recording.indexNear(f.timeAt(k));
        if (at > i && at < to) {
          scores.add(at - i, recording.get(at), f.get(k));
        }
      }
    }
    return scores;
  }
}
