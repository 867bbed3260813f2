package io.scalableapp.engine.replay.sim;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.PredictiveScaler;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.engine.replay.trace.TraceRecording;
import io.scalableapp.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The operator's predictive floor, run by the engine itself: on its own cadence the engine's {@link
 * PredictiveScaler} evaluates the app on the simulated clock against the demand recorded so far,
 * and its floor becomes the HPA's minReplicas until the next evaluation. Every forecast the engine
 * made is handed to a {@link ForecastObserver}.
 */
public final class EngineFloorSchedule implements FloorTimeline {

  private final PredictiveScaler scaler;
  private final ManualClock clock;
  private final AppScalingSpec spec;
  private final ScalerState state;
  private final DemandSource demand;
  private final Duration interval;
  private final Trace trace;
  private final Optional<? extends ForecastObserver> scorer;
  private Instant nextEvaluation;
  private int floor;

  public EngineFloorSchedule(
      AppScalingSpec spec,
      ScalerState state,
      Trace trace,
      Duration interval,
      Optional<? extends ForecastObserver> scorer,
      ForecasterFactory forecasters) {
    this.clock = new ManualClock(trace.instant(0));
    this.scaler = new PredictiveScaler(clock, forecasters);
    this.spec = spec;
    this.state = state;
    this.demand = new io.scalableapp.engine.metrics.InMemoryDemandSource(TraceRecording.of(trace));
    this.interval = interval;
    this.trace = trace;
    this.scorer = scorer;
    this.floor = spec.minReplicas();
  }

  @Override
  public int minReplicasAt(Instant now) {
    if (nextEvaluation == null || !now.isBefore(nextEvaluation)) {
      nextEvaluation = now.plus(interval);
      clock.set(now);
      Recommendation r = scaler.evaluate(spec, demand, state);
      if (r.actionable()) {
        floor = r.floor();
      }
      if (!Double.isNaN(r.forecast().next())) {
        scorer.ifPresent(
            s -> s.record(trace.indexOf(now), r.forecast().next(), r.forecast().peak()));
      }
    }
    return floor;
  }
}
