package io.scalableapp.lab.noise;

import io.scalableapp.engine.floor.FloorFamily;
import io.scalableapp.engine.floor.NoiseFloorReplay;
import io.scalableapp.engine.floor.NoiseFloorTracker;
import io.scalableapp.engine.replay.sim.FloorTimeline;
import io.scalableapp.engine.replay.sim.RecordedFloor;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.experiment.Scenario;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records each floor source's floor over a scenario's simulated minutes, once: the floor reads only
 * the trace, so every HPA setting it is tried under replays the same recording. Replicas are sized
 * at full capacity (as the engine's floor), at least {@code minReplicas}; a rule with too few
 * scored errors yet holds {@code minReplicas}.
 */
final class NoiseFloors {

  private record Key(Scenario scenario, FloorSource source) {}

  private final int minReplicas;
  private final Map<Trace, ForecastPaths> forecasts;
  private final Map<Key, FloorTimeline> recorded = new ConcurrentHashMap<>();

  NoiseFloors(int minReplicas, Map<Trace, ForecastPaths> forecasts) {
    this.minReplicas = minReplicas;
    this.forecasts = forecasts;
  }

  FloorTimeline floor(Scenario s, FloorSource source, int leadMinutes) {
    return recorded.computeIfAbsent(new Key(s, source), k -> record(s, source, leadMinutes));
  }

  private FloorTimeline record(Scenario s, FloorSource source, int leadMinutes) {
    Trace trace = s.trace();
    int from = s.warmUpFrom();
    int to = s.scoreTo();
    double capacity = s.workload().capacityPerReplica();
    double[] demand = demand(trace);
    double[] cover = new double[to - from];
    if (source instanceof FloorSource.Oracle oracle) {
      int span = Math.max(1, leadMinutes + (int) oracle.window().toMinutes());
      for (int m = from; m < to; m++) {
        cover[m - from] = NoiseFloorReplay.peak(demand, m, Math.min(span, trace.length() - m));
      }
    } else if (source instanceof FloorSource.Rule rule) {
      double[] reference =
          rule.rule().family() == FloorFamily.FORECAST
              ? paths(trace).peaks(rule.rule().spanMinutes(leadMinutes))
              : NoiseFloorReplay.recentLevels(demand);
      cover =
          NoiseFloorReplay.cover(
              rule.rule(),
              reference,
              demand,
              from,
              to,
              leadMinutes,
              NoiseFloorTracker.RESIDUAL_MINUTES);
    }
    int[] floors = new int[cover.length];
    for (int i = 0; i < cover.length; i++) {
      // The epsilon keeps float noise (e.g. 3.0000000000000004) from costing a whole replica.
      floors[i] =
          Double.isNaN(cover[i])
              ? minReplicas
              : Math.max(minReplicas, (int) Math.ceil(cover[i] / capacity - 1e-9));
    }
    return RecordedFloor.of(trace, from, floors);
  }

  private ForecastPaths paths(Trace trace) {
    ForecastPaths p = forecasts.get(trace);
    if (p == null) {
      throw new IllegalStateException("no forecasts computed for " + trace.name());
    }
    return p;
  }

  static double[] demand(Trace trace) {
    double[] d = new double[trace.length()];
    for (int i = 0; i < d.length; i++) {
      d[i] = trace.observed(i) ? trace.demand(i) : Double.NaN;
    }
    return d;
  }
}
