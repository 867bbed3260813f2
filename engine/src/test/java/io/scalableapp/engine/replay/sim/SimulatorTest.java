package io.scalableapp.engine.replay.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.replay.cluster.WorkloadModel;
import io.scalableapp.engine.replay.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.engine.replay.hpa.HpaSettings;
import io.scalableapp.engine.replay.metrics.ProvisioningMetrics;
import io.scalableapp.engine.replay.trace.Trace;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SimulatorTest {

  private static final Duration STEP = Duration.ofSeconds(15);

  private static Trace trace(double... demand) {
    boolean[] observed = new boolean[demand.length];
    Arrays.fill(observed, true);
    return new Trace("t", LocalDateTime.of(2020, 1, 1, 0, 0), demand, observed);
  }

  /** Asks for a fixed count at every tick. */
  private static ScalingPolicy fixed(int replicas) {
    return new StaticPolicy("fixed", replicas);
  }

  @Test
  void demandAboveReadyCapacityWhilePodsStartIsUnserved() {
    WorkloadModel workload = new WorkloadModel(10, Duration.ofSeconds(120));
    Simulator simulator = new Simulator(workload, STEP);

    // seeded with 1 ready pod (10 req/min at 100 %); the policy asks for 3 at the first tick
    SimulationResult run = simulator.run(trace(10, 25, 25), 0, 0, 3, fixed(3), 1.0);

    assertThat(run.readyPods()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3);
    assertThat(run.totalPods()).containsOnly(3);
    ProvisioningMetrics m = ProvisioningMetrics.of(run, workload);
    assertThat(m.underProvisionedMinutes()).isCloseTo(1.0, within(1e-9));
    assertThat(m.unservedPercent()).isCloseTo(100.0 * 15 / 60, within(1e-9));
    assertThat(m.replicaHours()).isCloseTo(3 * 3 / 60.0, within(1e-9));
    assertThat(m.scalingActions()).isEqualTo(1);
  }

  @Test
  void warmUpIsSimulatedButNotRecorded() {
    Simulator simulator = new Simulator(new WorkloadModel(10, Duration.ofSeconds(120)), STEP);

    SimulationResult run = simulator.run(trace(10, 25, 25), 0, 1, 3, fixed(3), 1.0);

    assertThat(run.readyPods()).containsExactly(1, 1, 1, 1, 3, 3, 3, 3);
    assertThat(run.scalingActions()).isZero();
  }

  @Test
  void reactiveHpaScalesAfterTheLoadArrivesAndLosesTheStartupDelay() {
    WorkloadModel workload = new WorkloadModel(10, Duration.ofSeconds(60));
    Simulator simulator = new Simulator(workload, STEP);
    HpaPolicy reactive =
        new HpaPolicy(
            "reactive",
            new HorizontalPodAutoscalerModel(HpaSettings.kubernetesDefaults(70, 100)),
            FloorTimeline.constant(1));

    // 10 pods at exactly 70 %, then demand doubles: 200 % of target -> 20 pods, ready one minute
    // later
    SimulationResult run = simulator.run(trace(70, 140, 140), 0, 0, 3, reactive, 0.7);

    assertThat(run.readyPods()).containsExactly(10, 10, 10, 10, 10, 10, 10, 10, 20, 20, 20, 20);
    ProvisioningMetrics m = ProvisioningMetrics.of(run, workload);
    assertThat(m.underProvisionedMinutes()).isCloseTo(1.0, within(1e-9));
    assertThat(m.scalingActions()).isEqualTo(1);
  }

  @Test
  void aRaisedFloorPreparesCapacityBeforeTheLoad() {
    WorkloadModel workload = new WorkloadModel(10, Duration.ofSeconds(60));
    Simulator simulator = new Simulator(workload, STEP);
    // a forecaster that saw the doubling coming has already raised minReplicas to 20
    HpaPolicy predictive =
        new HpaPolicy(
            "floor",
            new HorizontalPodAutoscalerModel(HpaSettings.kubernetesDefaults(70, 100)),
            FloorTimeline.constant(20));

    SimulationResult run = simulator.run(trace(70, 140, 140), 0, 0, 3, predictive, 0.7);

    assertThat(run.readyPods()).containsExactly(10, 10, 10, 10, 20, 20, 20, 20, 20, 20, 20, 20);
    assertThat(ProvisioningMetrics.of(run, workload).underProvisionedMinutes()).isZero();
  }

  @Test
  void aRealisticHpaSeesACappedLaggedLoadAndScalesInSeveralRounds() {
    WorkloadModel workload = new WorkloadModel(10, Duration.ofSeconds(60));
    Simulator simulator = new Simulator(workload, STEP);
    Trace quadrupling = trace(70, 280, 280, 280, 280, 280, 280);

    SimulationResult ideal =
        simulator.run(quadrupling, 0, 0, 7, hpa(HpaVariant.IDEAL, workload), 0.7);
    SimulationResult realistic =
        simulator.run(quadrupling, 0, 0, 7, hpa(HpaVariant.REALISTIC, workload), 0.7);

    // ideal: sees 400 % at once, doubles twice (rate limit) and is served from 2:15
    assertThat(ProvisioningMetrics.of(ideal, workload).underProvisionedMinutes())
        .isCloseTo(1.25, within(1e-9));
    // realistic: sees the jump 15 s late and capped at 100 %, so x1.43 per round; every round waits
    // for the
    // new pods to be ready and to deliver one full metrics window: 10 -> 15 -> 22 -> 32 pods,
    // served from 4:45
    assertThat(realistic.readyPods()[4 * 4 + 3]).isEqualTo(32);
    assertThat(ProvisioningMetrics.of(realistic, workload).underProvisionedMinutes())
        .isCloseTo(3.75, within(1e-9));
  }

  private static HpaPolicy hpa(HpaVariant variant, WorkloadModel workload) {
    return new HpaPolicy(
        variant.label(),
        new HorizontalPodAutoscalerModel(HpaSettings.kubernetesDefaults(70, 100)),
        FloorTimeline.constant(1),
        variant.newPipeline(workload));
  }
}
