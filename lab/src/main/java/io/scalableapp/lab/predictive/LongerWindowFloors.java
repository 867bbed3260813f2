package io.scalableapp.lab.predictive;

import io.scalableapp.engine.replay.frontier.SameCost;
import io.scalableapp.engine.replay.metrics.ProvisioningMetrics;
import io.scalableapp.engine.replay.sim.HpaPolicy;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.lab.experiment.PlannedRun;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.RunOutcome;
import io.scalableapp.lab.experiment.Scenario;
import io.scalableapp.lab.frontier.ReactiveEnvelope;
import io.scalableapp.lab.frontier.StabilisationSweep;
import io.scalableapp.lab.frontier.SweepPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's floors on an HPA that already holds its capacity longer: the reference target with a
 * scale-down stabilisation window of {@link #WINDOWS} instead of the default. The envelope's best
 * points have such windows, so only a floor that beats the envelope on top of one adds something
 * the HPA's own tuning cannot: capacity for the first minutes of a spell, which a window that only
 * looks back cannot know about.
 */
public final class LongerWindowFloors {

  /** Scale-down windows the floors run on, besides the default one of the headline. */
  public static final List<Duration> WINDOWS =
      List.of(Duration.ofMinutes(15), Duration.ofMinutes(30));

  /**
   * One floor on one longer window, against the envelope of its HPA variant.
   *
   * @param withoutFloor the same HPA (reference target, same window) without a floor, when the
   *     sweep has it
   * @param defaultWindow the same floor on the default window against the same envelope (the
   *     headline's figure)
   */
  public record Row(
      Scenario scenario,
      HpaVariant variant,
      String floor,
      Duration window,
      ProvisioningMetrics metrics,
      SameCost sameCost,
      Optional<SweepPoint> withoutFloor,
      SameCost defaultWindow) {}

  private final StabilisationSweep sweep;
  private final int targetPercent;

  /**
   * @param targetPercent the reference target, the one the headline's floors run on
   */
  public LongerWindowFloors(StabilisationSweep sweep, int targetPercent) {
    this.sweep = sweep;
    this.targetPercent = targetPercent;
  }

  /**
   * The recorded {@code floor} on the HPA at the reference target, once per window of {@link
   * #WINDOWS}.
   */
  public List<PlannedRun> plan(EngineFloor floor, HpaVariant variant) {
    Scenario s = floor.scenario();
    return WINDOWS.stream()
        .map(
            window -> {
              String label = label(floor.label(), window);
              return new PlannedRun(
                  s,
                  PolicyKind.PREDICTIVE_LONGER_WINDOW,
                  label,
                  variant,
                  targetPercent,
                  () ->
                      new HpaPolicy(
                          label,
                          sweep.hpa(targetPercent, window),
                          floor.floor(),
                          variant.newPipeline(s.workload())));
            })
        .toList();
  }

  /**
   * The rows of {@code s} and {@code variant} out of a batch that holds both sweeps, the floors on
   * the default window and their runs on the longer windows; a floor without longer-window runs has
   * no row.
   */
  public static List<Row> collect(List<RunOutcome> outcomes, Scenario s, HpaVariant variant) {
    ReactiveEnvelope envelope = StabilisationSweep.collect(outcomes, s, variant);
    List<Row> rows = new ArrayList<>();
    for (RunOutcome onDefault : outcomes) {
      if (!onDefault.scenario().equals(s)
          || onDefault.variant() != variant
          || onDefault.kind() != PolicyKind.PREDICTIVE) {
        continue;
      }
      SameCost defaultWindow = compare(envelope, onDefault.metrics());
      for (Duration window : WINDOWS) {
        String label = label(onDefault.policy(), window);
        outcomes.stream()
            .filter(
                o ->
                    o.scenario().equals(s)
                        && o.variant() == variant
                        && o.kind() == PolicyKind.PREDICTIVE_LONGER_WINDOW
                        && o.policy().equals(label))
            .findFirst()
            .ifPresent(
                o ->
                    rows.add(
                        new Row(
                            s,
                            variant,
                            onDefault.policy(),
                            window,
                            o.metrics(),
                            compare(envelope, o.metrics()),
                            withoutFloor(envelope, o.hpaTargetPercent(), window),
                            defaultWindow)));
      }
    }
    return rows;
  }

  /** The run's name, short enough for the frontier chart's legend. */
  static String label(String floorLabel, Duration window) {
    return floorLabel + ", window " + window.toMinutes() + " min";
  }

  private static SameCost compare(ReactiveEnvelope envelope, ProvisioningMetrics m) {
    return envelope.compare(m.replicaHours(), m.underProvisionedMinutes());
  }

  private static Optional<SweepPoint> withoutFloor(
      ReactiveEnvelope envelope, int target, Duration window) {
    return envelope.points().stream()
        .filter(p -> p.targetPercent() == target && p.scaleDownWindow().equals(window))
        .findFirst();
  }
}
