package io.scalableapp.lab.experiment;

import io.scalableapp.engine.replay.metrics.ProvisioningMetrics;
import io.scalableapp.engine.replay.sim.SimulationResult;
import io.scalableapp.engine.replay.sim.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs planned runs on a fixed number of threads and returns their outcomes in plan order. */
public final class ExperimentRunner {

  /**
   * Simulation tick: the HPA's sync period, so every sync sees the pods as they are at that
   * instant.
   */
  public static final Duration STEP = Duration.ofSeconds(15);

  /** Cluster seeded at the HPA's target so the warm-up only settles controller state. */
  static final double SEED_UTILIZATION = 0.7;

  private final int threads;

  public ExperimentRunner(int threads) {
    this.threads = Math.max(1, threads);
  }

  public List<RunOutcome> runAll(List<PlannedRun> plan) {
    return map(plan, ExperimentRunner::run);
  }

  /** Applies {@code job} to every input on this runner's threads; results in input order. */
  public <I, O> List<O> map(List<I> inputs, Function<I, O> job) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<O>> futures = new ArrayList<>();
      for (I input : inputs) {
        futures.add(pool.submit(() -> job.apply(input)));
      }
      List<O> outcomes = new ArrayList<>();
      for (Future<O> f : futures) {
        outcomes.add(f.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  public static RunOutcome run(PlannedRun run) {
    Scenario s = run.scenario();
    Simulator simulator = new Simulator(s.workload(), STEP);
    SimulationResult timeline =
        simulator.run(
            s.trace(),
            s.warmUpFrom(),
            s.scoreFrom(),
            s.scoreTo(),
            run.policy().get(),
            SEED_UTILIZATION);
    ProvisioningMetrics metrics = ProvisioningMetrics.of(timeline, s.workload());
    return new RunOutcome(
        s, run.kind(), run.label(), run.variant(), run.hpaTargetPercent(), metrics, timeline);
  }
}
