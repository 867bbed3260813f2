package io.scalableapp.engine.auto;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.floor.NoiseFloorTracker;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.testing.NasaTrace;
import io.scalableapp.engine.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CPU cost of one policy search, and of one mode Auto replay against the envelope, on 7 days of
 * 1-minute NASA history (4 to 10 August 1995), with the default bounds the operator uses (targets
 * 50-90 %, windows 0-30 min, the floor families mode Auto offers: none, the forecast, the noise
 * floor on the recent level), measured on this thread after the JIT has warmed up. A timing, not a
 * test: run it with {@code make bench-policy-search}.
 */
public final class PolicySearchCost {

  private PolicySearchCost() {}

  /** What the operator offers under mode Auto (TuningSpecs.families). */
  static List<FloorCandidate> families(AppScalingSpec spec) {
    List<FloorCandidate> families = new ArrayList<>(PolicySearchTest.floors(spec));
    families.add(
        FloorCandidates.recentLevelNoise(
            FloorCandidates.RECENT_LEVEL_RULE,
            spec.minReplicas(),
            spec.maxReplicas(),
            1.5 * 100 / 70,
            spec.effectiveHorizon(new ReadyLatencyEstimator().p95()),
            NoiseFloorTracker.RESIDUAL_MINUTES));
    return families;
  }

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Series nasa = NasaTrace.load();
    int from = NasaTrace.minuteIndex(NasaTrace.at("1995-08-04 00:00:00"));
    Series week = nasa.slice(from, from + 7 * 1440);
    AppScalingSpec spec = HistoryReplayTest.spec(1.5);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int i = 1; i <= runs; i++) {
      long start = cpu.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      PolicyChoice choice =
          PolicySearchTest.SEARCH.search(
              week,
              PolicySearchTest.USER,
              1.5 * 100 / 70,
              PolicySearchTest.STARTUP,
              spec.minReplicas(),
              spec.maxReplicas(),
              families(spec),
              PolicySearchTest.bounds(0));
      double cpuSeconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "run %d: %.2f s CPU (%.2f s wall), %d policies replayed, chose %s%n",
          i,
          cpuSeconds,
          (System.nanoTime() - wall) / 1e9,
          choice.candidates(),
          choice.chosen().policy());
      long replayStart = cpu.getCurrentThreadCpuTime();
      new HistoryReplay(ForecasterFactory.DEFAULT)
          .replay(
              spec,
              week,
              70,
              new ReadyLatencyEstimator(),
              Duration.ofDays(1),
              Duration.ofMinutes(5));
      double replaySeconds = (cpu.getCurrentThreadCpuTime() - replayStart) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "run %d: mode Auto's replay against the envelope %.2f s CPU%n",
          i,
          replaySeconds);
      if (i == runs) {
        System.out.printf(
            Locale.ROOT,
            "1,000 apps searched once an hour: %.2f cores; Auto replays: %.2f cores%n",
            cpuSeconds * 1000 / 3600,
            replaySeconds * 1000 / 3600);
      }
    }
    liveNoiseFloor(week);
  }

  /**
   * The live noise floor's state once it has followed the week (its residual window) and the CPU of
   * one evaluation's quantile: what running the recent-level floor costs per app, beside the
   * search.
   */
  static void liveNoiseFloor(Series week) {
    int apps = 200;
    Duration lead = Duration.ofMinutes(3);
    ManualClock clock = new ManualClock(week.end());
    Runtime heap = Runtime.getRuntime();
    long before = usedAfterGc(heap);
    List<NoiseFloorTracker> trackers = new ArrayList<>();
    for (int a = 0; a < apps; a++) {
      NoiseFloorTracker tracker =
          new NoiseFloorTracker(
              FloorCandidates.RECENT_LEVEL_RULE, clock, NoiseFloorTracker.RESIDUAL_WINDOW);
      tracker.follow(week, lead);
      trackers.add(tracker);
    }
    long after = usedAfterGc(heap);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double level = NoiseFloorTracker.recentLevel(week, clock.instant());
    long start = cpu.getCurrentThreadCpuTime();
    int evaluations = 0;
    for (int round = 0; round < 5; round++) {
      for (NoiseFloorTracker tracker : trackers) {
        tracker.cover(level);
        evaluations++;
      }
    }
    double micros = (cpu.getCurrentThreadCpuTime() - start) / 1e3 / evaluations;
    System.out.printf(
        Locale.ROOT,
        "live noise floor, residual window %s: %.0f KiB per app (%d errors held); one"
            + " evaluation's quantile %.0f us CPU%n",
        NoiseFloorTracker.RESIDUAL_WINDOW,
        (after - before) / 1024.0 / apps,
        trackers.get(0).samples(),
        micros);
  }

  private static long usedAfterGc(Runtime heap) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return heap.totalMemory() - heap.freeMemory();
  }
}
