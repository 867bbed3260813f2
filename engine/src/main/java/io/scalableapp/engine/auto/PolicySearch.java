package io.scalableapp.engine.auto;

import io.scalableapp.engine.auto.PolicyChoice.Scored;
import io.scalableapp.engine.replay.cluster.WorkloadModel;
import io.scalableapp.engine.replay.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.engine.replay.hpa.HpaSettings;
import io.scalableapp.engine.replay.metrics.ProvisioningMetrics;
import io.scalableapp.engine.replay.sim.HpaPolicy;
import io.scalableapp.engine.replay.sim.MetricsServerPipeline;
import io.scalableapp.engine.replay.sim.RecordedFloor;
import io.scalableapp.engine.replay.sim.SimulationResult;
import io.scalableapp.engine.replay.sim.Simulator;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.engine.replay.trace.TraceRecording;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses an app's scaling policy (HPA CPU target, scale-down stabilisation window, floor family)
 * by replaying its own demand history through the engine's floors and the HPA model, as {@link
 * HistoryReplay} does for mode Auto. The objective is the one the lab measures: the fewest
 * under-provisioned minutes for no more replica-hours than the user's own HPA spends on the same
 * history (times 1 + extraCost). The choice is made on the older history and checked on the newest
 * part, which it never saw; it is applied only when it beats the user's HPA there too.
 *
 * <p>For each floor family and window the cheapest target within the budget is found by bisection
 * (replica-hours fall as the target rises), so a search replays a few dozen policies, not the whole
 * grid. Each floor is computed once and replayed under every HPA. Stateless and thread-safe.
 */
public final class PolicySearch {

  /** Simulation step: the HPA's own sync period. */
  static final Duration TICK = HpaSettings.DEFAULT_SYNC_PERIOD;

  /**
   * @param history the demand the operator holds for the app
   * @param user the HPA the user wrote (its target and window; floor {@value FloorCandidate#NONE})
   * @param capacityPerReplica demand one ready replica serves at full CPU
   * @param startupDelay the app's pod start-to-ready time
   * @param minReplicas the HPA's minReplicas as the user wrote it: the floor of the HPA alone
   * @param maxReplicas the HPA's maxReplicas
   * @param floors the floor families the policy may use ({@link FloorCandidates#none} for the HPA
   *     alone); the HPA alone is replayed in any case, for the user's HPA and the envelope
   * @throws IllegalArgumentException when the history is too short for the warm-up, training and
   *     validation
   * @throws IllegalStateException when the thread is interrupted (a search past its timeout)
   */
  public PolicyChoice search(
      Series history,
      TunedPolicy user,
      double capacityPerReplica,
      Duration startupDelay,
      int minReplicas,
      int maxReplicas,
      List<FloorCandidate> floors,
      PolicySearchSettings settings) {
    Trace trace = TraceRecording.toTrace("history", history);
    int trainFrom = (int) settings.warmUp().toMinutes();
    int validateFrom = trace.length() - (int) settings.validation().toMinutes();
    if (validateFrom - trainFrom < settings.validation().toMinutes()) {
      throw new IllegalArgumentException(
          "the history ("
              + trace.length()
              + " min) is shorter than the warm-up, "
              + "a training part as long as the validation and the validation ("
              + settings.minHistory().toMinutes()
              + " min)");
    }
    Replays replays =
        new Replays(
            new Simulator(new WorkloadModel(capacityPerReplica, startupDelay), TICK),
            trace,
            trainFrom,
            validateFrom,
            maxReplicas);
    FloorCandidate none = FloorCandidates.none(minReplicas);
    RecordedFloor noFloor = none.floorOver(trace);
    Scored userScored = replays.score(user, noFloor);
    double budget = userScored.training().replicaHours() * (1 + settings.extraCost());

    List<Scored> reactive = new ArrayList<>(List.of(userScored));
    for (Duration window : settings.windows()) {
      cheapestWithin(replays, none, noFloor, window, budget, settings).ifPresent(reactive::add);
    }
    List<Scored> feasible = new ArrayList<>(List.of(userScored));
    for (FloorCandidate family : floors) {
      if (FloorCandidate.NONE.equals(family.name())) {
        feasible.addAll(reactive);
        continue;
      }
      RecordedFloor floor = family.floorOver(trace);
      for (Duration window : settings.windows()) {
        cheapestWithin(replays, family, floor, window, budget, settings).ifPresent(feasible::add);
      }
    }
    Comparator<Scored> best =
        PolicyRanking.bestFirst(
            s -> s.training().underProvisionedMinutes(),
            s -> s.policy().reactive(),
            s -> s.training().replicaHours());
    Scored chosen = feasible.stream().min(best).orElseThrow();
    Scored envelope = reactive.stream().min(best).orElseThrow();
    return verdict(
        trace,
        history.size(),
        trainFrom,
        validateFrom,
        userScored,
        envelope,
        chosen,
        budget,
        settings.extraCost(),
        replays.count());
  }

  /**
   * The lowest target (most capacity) of one family and window whose training replica-hours fit the
   * budget.
   */
  private static Optional<Scored> cheapestWithin(
      Replays replays,
      FloorCandidate family,
      RecordedFloor floor,
      Duration window,
      double budget,
      PolicySearchSettings settings) {
    int lo = settings.minTargetPercent();
    int hi = settings.maxTargetPercent();
    Map<Integer, Scored> tried = new HashMap<>();
    java.util.function.IntFunction<Scored> at =
        t ->
            tried.computeIfAbsent(
                t,
                k ->
                    replays.score(
                        new TunedPolicy(k, window, family.name(), family.knobs()), floor));
    if (at.apply(hi).training().replicaHours() > budget) {
      return Optional.empty();
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (at.apply(mid).training().replicaHours() <= budget) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return Optional.of(at.apply(lo));
  }

  private static PolicyChoice verdict(
      Trace trace,
      int points,
      int trainFrom,
      int validateFrom,
      Scored user,
      Scored envelope,
      Scored chosen,
      double budget,
      double extraCost,
      int replayed) {
    PolicyFigures u = user.validation();
    PolicyFigures c = chosen.validation();
    boolean same = chosen.policy().equals(user.policy());
    boolean fewerMisses = c.underProvisionedMinutes() < u.underProvisionedMinutes();
    boolean withinBudget = c.replicaHours() <= u.replicaHours() * (1 + extraCost) + 1e-9;
    boolean applied = !same && fewerMisses && withinBudget;
    String figures =
        String.format(
            Locale.ROOT,
            "%.1f under-provisioned min and %.1f replica-h against your HPA's "
                + "%.1f min and %.1f replica-h",
            c.underProvisionedMinutes(),
            c.replicaHours(),
            u.underProvisionedMinutes(),
            u.replicaHours());
    String why;
    if (same) {
      why = "your HPA is already the best policy within the bounds on the training history";
    } else if (applied) {
      why = "the chosen policy beat your HPA on the validation history: " + figures;
    } else if (!fewerMisses) {
      why =
          "the chosen policy did not fall short less than your HPA on the validation history: "
              + figures;
    } else {
      why = "the chosen policy spent more than the budget on the validation history: " + figures;
    }
    return new PolicyChoice(
        trace.instant(trainFrom),
        trace.instant(validateFrom),
        trace.instant(trace.length()),
        points,
        user,
        envelope,
        chosen,
        budget,
        applied,
        why,
        replayed);
  }

  /** Replays policies over one history and scores each on the training and validation parts. */
  private static final class Replays {
    private final Simulator simulator;
    private final Trace trace;
    private final int trainFrom;
    private final int validateFrom;
    private final int maxReplicas;
    private int count;

    Replays(Simulator simulator, Trace trace, int trainFrom, int validateFrom, int maxReplicas) {
      this.simulator = simulator;
      this.trace = trace;
      this.trainFrom = trainFrom;
      this.validateFrom = validateFrom;
      this.maxReplicas = maxReplicas;
    }

    int count() {
      return count;
    }

    Scored score(TunedPolicy policy, RecordedFloor floor) {
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("the policy search was interrupted");
      }
      count++;
      HpaSettings hpa =
          HpaSettings.kubernetesDefaults(policy.targetPercent(), maxReplicas)
              .withScaleDownStabilization(policy.scaleDownWindow());
      HpaPolicy run =
          new HpaPolicy(
              policy.toString(),
              new HorizontalPodAutoscalerModel(hpa),
              floor,
              new MetricsServerPipeline(simulator.workload().startupDelay()));
      SimulationResult all =
          simulator.run(trace, 0, trainFrom, trace.length(), run, policy.targetPercent() / 100.0);
      return new Scored(
          policy,
          figures(slice(all, trainFrom, validateFrom)),
          figures(slice(all, validateFrom, trace.length())));
    }

    private PolicyFigures figures(SimulationResult part) {
      ProvisioningMetrics m = ProvisioningMetrics.of(part, simulator.workload());
      return new PolicyFigures(m.underProvisionedMinutes(), m.replicaHours());
    }

    /** The minutes {@code [from, to)} of a run recorded from {@code run.scoreFrom()}. */
    private static SimulationResult slice(SimulationResult run, int from, int to) {
      int a = (from - run.scoreFrom()) * run.stepsPerMinute();
      int b = (to - run.scoreFrom()) * run.stepsPerMinute();
      return new SimulationResult(
          run.policy(),
          run.trace(),
          from,
          to,
          run.stepsPerMinute(),
          Arrays.copyOfRange(run.readyPods(), a, b),
          Arrays.copyOfRange(run.totalPods(), a, b),
          0);
    }
  }
}
