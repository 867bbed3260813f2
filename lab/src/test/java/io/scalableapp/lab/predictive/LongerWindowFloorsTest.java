package io.scalableapp.lab.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.replay.cluster.WorkloadModel;
import io.scalableapp.engine.replay.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.engine.replay.hpa.HpaSettings;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.engine.replay.sim.RecordedFloor;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.experiment.ExperimentRunner;
import io.scalableapp.lab.experiment.PlannedRun;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.RunOutcome;
import io.scalableapp.lab.experiment.Scenario;
import io.scalableapp.lab.frontier.FrontierRuns;
import io.scalableapp.lab.frontier.ReactiveEnvelope;
import io.scalableapp.lab.frontier.StabilisationSweep;
import io.scalableapp.lab.trace.TrainTestSplit;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The engine's floors on an HPA with a longer scale-down window, planned, run and compared with the
 * envelope.
 */
class LongerWindowFloorsTest {

  private static final int TARGET = 70;
  private static final int MAX_REPLICAS = 200;
  private static final int DAY = 1440;

  private final FrontierRuns frontier =
      new FrontierRuns(
          TARGET,
          1,
          t -> new HorizontalPodAutoscalerModel(HpaSettings.kubernetesDefaults(t, MAX_REPLICAS)));
  private final StabilisationSweep sweep =
      new StabilisationSweep(frontier, 1, HpaSettings.kubernetesDefaults(70, MAX_REPLICAS));
  private final LongerWindowFloors longerWindows = new LongerWindowFloors(sweep, TARGET);
  private final PredictiveRuns predictive =
      new PredictiveRuns(
          TARGET,
          t -> new HorizontalPodAutoscalerModel(HpaSettings.kubernetesDefaults(t, MAX_REPLICAS)),
          PredictiveRuns.sizedByWorkload(1, MAX_REPLICAS, TARGET));

  /** Four days: a daily wave with a ten-minute burst of three times the load every three hours. */
  private static Scenario burstyScenario() {
    double[] demand = new double[4 * DAY];
    for (int m = 0; m < demand.length; m++) {
      double wave = 200 + 100 * Math.sin(2 * Math.PI * m / DAY);
      demand[m] = m % 180 < 10 ? 3 * wave : wave;
    }
    boolean[] observed = new boolean[demand.length];
    Arrays.fill(observed, true);
    Trace trace = new Trace("bursty", LocalDateTime.of(2020, 1, 1, 0, 0), demand, observed);
    return new Scenario(
        trace, TrainTestSplit.of(trace), new WorkloadModel(20, Duration.ofSeconds(60)), DAY);
  }

  /** A floor of 8 replicas all along: below the wave's busy hours, above its quiet ones. */
  private static EngineFloor constantFloor(Scenario s) {
    int[] floors = new int[s.scoreTo() - s.warmUpFrom()];
    Arrays.fill(floors, 8);
    return new EngineFloor(
        s,
        PolicyKind.PREDICTIVE,
        "predictive TEST",
        RecordedFloor.of(s.trace(), s.warmUpFrom(), floors),
        Optional.empty());
  }

  @Test
  void plansTheFloorOnTheReferenceTargetOncePerLongerWindow() {
    Scenario s = burstyScenario();

    List<PlannedRun> plan = longerWindows.plan(constantFloor(s), HpaVariant.REALISTIC);

    assertThat(LongerWindowFloors.WINDOWS)
        .containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(30));
    assertThat(plan)
        .extracting(PlannedRun::label)
        .containsExactly("predictive TEST, window 15 min", "predictive TEST, window 30 min");
    assertThat(plan)
        .allSatisfy(
            run -> {
              assertThat(run.kind()).isEqualTo(PolicyKind.PREDICTIVE_LONGER_WINDOW);
              assertThat(run.variant()).isEqualTo(HpaVariant.REALISTIC);
              assertThat(run.hpaTargetPercent()).isEqualTo(TARGET);
              assertThat(run.scenario()).isEqualTo(s);
            });
  }

  @Test
  void comparesEachWindowWithTheEnvelopeAndWithTheSameHpaWithoutAFloor() {
    Scenario s = burstyScenario();
    EngineFloor floor = constantFloor(s);
    List<PlannedRun> plan = new ArrayList<>(sweep.planAll(s, HpaVariant.IDEAL));
    plan.add(predictive.run(floor, HpaVariant.IDEAL));
    plan.addAll(longerWindows.plan(floor, HpaVariant.IDEAL));
    List<RunOutcome> outcomes = plan.stream().map(ExperimentRunner::run).toList();

    List<LongerWindowFloors.Row> rows = LongerWindowFloors.collect(outcomes, s, HpaVariant.IDEAL);

    ReactiveEnvelope envelope = StabilisationSweep.collect(outcomes, s, HpaVariant.IDEAL);
    RunOutcome onDefault = outcome(outcomes, "predictive TEST");
    assertThat(rows)
        .extracting(LongerWindowFloors.Row::window)
        .containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(30));
    for (LongerWindowFloors.Row row : rows) {
      RunOutcome run =
          outcome(outcomes, "predictive TEST, window " + row.window().toMinutes() + " min");
      assertThat(row.floor()).isEqualTo("predictive TEST");
      assertThat(row.metrics()).isEqualTo(run.metrics());
      assertThat(row.sameCost())
          .isEqualTo(
              envelope.compare(
                  run.metrics().replicaHours(), run.metrics().underProvisionedMinutes()));
      assertThat(row.defaultWindow())
          .isEqualTo(
              envelope.compare(
                  onDefault.metrics().replicaHours(),
                  onDefault.metrics().underProvisionedMinutes()));
      assertThat(row.withoutFloor())
          .hasValueSatisfying(
              p -> {
                assertThat(p.targetPercent()).isEqualTo(TARGET);
                assertThat(p.scaleDownWindow()).isEqualTo(row.window());
                // the floor only adds replicas to the same HPA
                assertThat(row.metrics().replicaHours()).isGreaterThanOrEqualTo(p.replicaHours());
              });
    }
    // a longer window keeps the bursts' replicas longer: it costs more and misses no more than a
    // shorter one
    double[] cost = {
      onDefault.metrics().replicaHours(),
      rows.get(0).metrics().replicaHours(),
      rows.get(1).metrics().replicaHours()
    };
    assertThat(cost[1]).isGreaterThan(cost[0]);
    assertThat(cost[2]).isGreaterThan(cost[1]);
    assertThat(rows.get(1).metrics().underProvisionedMinutes())
        .isLessThanOrEqualTo(rows.get(0).metrics().underProvisionedMinutes());
  }

  @Test
  void aFloorWithoutLongerWindowRunsHasNoRow() {
    Scenario s = burstyScenario();
    List<PlannedRun> plan = new ArrayList<>(sweep.planAll(s, HpaVariant.IDEAL));
    plan.add(predictive.run(constantFloor(s), HpaVariant.IDEAL));

    assertThat(
            LongerWindowFloors.collect(
                plan.stream().map(ExperimentRunner::run).toList(), s, HpaVariant.IDEAL))
        .isEmpty();
  }

  private static RunOutcome outcome(List<RunOutcome> outcomes, String policy) {
    return outcomes.stream().filter(o -> o.policy().equals(policy)).findFirst().orElseThrow();
  }
}
