package io.scalableapp.engine.auto;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.floor.FloorFamily;
import io.scalableapp.engine.floor.NoiseFloorReplay;
import io.scalableapp.engine.floor.NoiseFloorRule;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.replay.sim.EngineFloorSchedule;
import io.scalableapp.engine.replay.sim.FloorTimeline;
import io.scalableapp.engine.replay.sim.RecordedFloor;
import io.scalableapp.engine.replay.trace.Trace;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The floor families the engine has, set up for one app. */
public final class FloorCandidates {

  /** The forecast floor's family name. */
  public static final String FORECAST = "Forecast";

  /** The family name of a noise-sized floor on the recent level (no forecast). */
  public static final String RECENT_LEVEL_NOISE = "RecentLevelNoise";

  /**
   * The knobs of the {@link #RECENT_LEVEL_NOISE} family a search offers: p75 of the errors of the
   * residual window, spread as level^0.25, held 10 minutes past the lead. Those the scaling lab
   * chooses on NASA-1995's training part at the 1.00x budget (extraCostPercent 0, the default) in
   * three of its four scenarios, with the week-long residual window and the 45-minute level
   * (docs/scaling-lab).
   */
  public static final NoiseFloorRule RECENT_LEVEL_RULE =
      new NoiseFloorRule(FloorFamily.RECENT_LEVEL, 0.75, 0.25, Duration.ofMinutes(10));

  /**
   * The floor families a user may allow a search, besides the HPA alone ({@link
   * FloorCandidate#NONE}), which is always a candidate.
   */
  public static final List<String> ALLOWABLE = List.of(FORECAST, RECENT_LEVEL_NOISE);

  private FloorCandidates() {}

  /**
   * The candidates of the families in {@code allowed}, in their order, and the HPA alone whatever
   * {@code allowed} says: it is the user's own HPA's family, and the fallback whenever no floor
   * earns its cost.
   *
   * @throws IllegalArgumentException when {@code allowed} names a family outside {@link #ALLOWABLE}
   */
  public static List<FloorCandidate> allowed(
      List<FloorCandidate> candidates, Collection<String> allowed) {
    for (String family : allowed) {
      if (!ALLOWABLE.contains(family)) {
        throw new IllegalArgumentException(
            "unknown floor family " + family + "; a search may be allowed " + ALLOWABLE);
      }
    }
    return candidates.stream()
        .filter(c -> FloorCandidate.NONE.equals(c.name()) || allowed.contains(c.name()))
        .toList();
  }

  /** A family with its knobs and how it floors a trace. */
  private record Candidate(String name, String knobs, Function<Trace, RecordedFloor> floors)
      implements FloorCandidate {
    @Override
    public RecordedFloor floorOver(Trace trace) {
      return floors.apply(trace);
    }
  }

  /** No floor: replicas.min, so the HPA alone scales. */
  public static FloorCandidate none(int minReplicas) {
    return new Candidate(
        FloorCandidate.NONE,
        "",
        trace -> {
          int[] floors = new int[trace.length()];
          Arrays.fill(floors, minReplicas);
          return RecordedFloor.of(trace, 0, floors);
        });
  }

  /**
   * The engine's forecast floor with the app's own settings (margin, horizon, schedules, limits),
   * replayed as it would have run live, re-evaluated every {@code replayInterval}.
   */
  public static FloorCandidate forecast(
      AppScalingSpec spec,
      ReadyLatencyEstimator readyLatency,
      Duration replayInterval,
      ForecasterFactory forecasters) {
    AppScalingSpec replayed =
        spec.toBuilder().mode(ScalingMode.ENFORCE).step(Duration.ofMinutes(1)).build();
    return new Candidate(
        FORECAST,
        "",
        trace -> {
          EngineFloorSchedule engine =
              new EngineFloorSchedule(
                  replayed,
                  new ScalerState(readyLatency),
                  trace,
                  replayInterval,
                  Optional.empty(),
                  forecasters);
          FloorTimeline interruptible =
              now -> {
                if (Thread.currentThread().isInterrupted()) {
                  throw new IllegalStateException("the replay was interrupted");
                }
                return engine.minReplicasAt(now);
              };
          return RecordedFloor.record(
              interruptible.max(FloorTimeline.constant(spec.minReplicas())),
              trace,
              0,
              trace.length());
        });
  }

  /**
   * A noise-sized floor on the recent level ({@link NoiseFloorRule} with {@link
   * FloorFamily#RECENT_LEVEL}): the mean demand of the last minutes plus a learned quantile of its
   * errors scaled by level^k, held at full capacity over the lead plus the rule's window; at least
   * replicas.min, at most replicas.max.
   *
   * @param lead the pods' start-to-ready time plus margin: how far ahead the floor must cover
   * @param residualMinutes how many past errors the quantile is learned from
   */
  public static FloorCandidate recentLevelNoise(
      NoiseFloorRule rule,
      int minReplicas,
      int maxReplicas,
      double capacityPerReplica,
      Duration lead,
      int residualMinutes) {
    if (rule.family() != FloorFamily.RECENT_LEVEL) {
      throw new IllegalArgumentException(
          "a recent-level candidate needs the RECENT_LEVEL family, got " + rule.family());
    }
    int leadMinutes = (int) Math.max(1, (lead.toSeconds() + 59) / 60);
    return new Candidate(
        RECENT_LEVEL_NOISE,
        rule.label(),
        trace -> {
          double[] demand = new double[trace.length()];
          for (int m = 0; m < demand.length; m++) {
            demand[m] = trace.observed(m) ? trace.demand(m) : Double.NaN;
          }
          double[] cover =
              NoiseFloorReplay.cover(
                  rule,
                  NoiseFloorReplay.recentLevels(demand),
                  demand,
                  0,
                  demand.length,
                  leadMinutes,
                  residualMinutes);
          int[] floors = new int[demand.length];
          for (int m = 0; m < floors.length; m++) {
            int needed =
                Double.isNaN(cover[m])
                    ? minReplicas
                    : (int) Math.ceil(cover[m] / capacityPerReplica - 1e-9);
            floors[m] = Math.max(minReplicas, Math.min(maxReplicas, needed));
          }
          return RecordedFloor.of(trace, 0, floors);
        });
  }
}
