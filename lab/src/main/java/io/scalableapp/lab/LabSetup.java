package io.scalableapp.lab;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.replay.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.engine.replay.hpa.HpaSettings;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.cluster.CapacityRule;
import io.scalableapp.lab.frontier.FrontierRuns;
import io.scalableapp.lab.frontier.StabilisationSweep;
import io.scalableapp.lab.jump.JumpFloorTuning;
import io.scalableapp.lab.noise.NoiseFloorTuning;
import io.scalableapp.lab.predictive.LongerWindowFloors;
import io.scalableapp.lab.predictive.PredictiveRuns;
import io.scalableapp.lab.report.Format;
import io.scalableapp.lab.trace.TrainTestSplit;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What every trace is replayed with: the HPA's reference target and replica bounds, how much one
 * replica serves, the engine's settings and which models' floors are recorded, and how the report
 * states them. {@link #standard()} is the lab's own sizing (any trace, a few dozen replicas at its
 * busy minutes); {@link #forApp} an existing app's.
 */
final class LabSetup {

  /** How much one replica serves, in requests per minute at full CPU, on a trace. */
  @FunctionalInterface
  interface Sizing {
    double capacityPerReplica(Trace trace, TrainTestSplit split);
  }

  private static final int STANDARD_TARGET_PERCENT = 70;
  private static final int STANDARD_MIN_REPLICAS = 1;
  private static final int STANDARD_MAX_REPLICAS = 200;

  final int hpaTargetPercent;
  final int minReplicas;
  final int maxReplicas;

  /**
   * The HPA every run starts from (the app's behavior, or the Kubernetes defaults); runs change its
   * target and window.
   */
  final HpaSettings baseHpa;

  final Sizing sizing;
  final List<ForecastModel> models;

  /** The report's sentence on how a replica is sized. */
  final String sizingNote;

  /** The report's sentence on where the engine's settings come from. */
  final String engineNote;

  final PredictiveRuns predictive;
  final FrontierRuns frontier;

  /**
   * The frontier across scale-down stabilisation windows too: the same-cost HPA is its lower
   * envelope.
   */
  final StabilisationSweep sweep;

  final JumpFloorTuning tuning;

  /** The engine's floors again, on the HPA with longer scale-down windows. */
  final LongerWindowFloors longerWindows;

  /** The noise-sized floors and the HPA under them, chosen per budget on the training part. */
  final NoiseFloorTuning noise;

  private LabSetup(
      int hpaTargetPercent,
      int minReplicas,
      HpaSettings baseHpa,
      Sizing sizing,
      PredictiveRuns.EngineSpecs specs,
      List<ForecastModel> models,
      String sizingNote,
      String engineNote) {
    this.hpaTargetPercent = hpaTargetPercent;
    this.minReplicas = minReplicas;
    this.maxReplicas = baseHpa.maxReplicas();
    this.baseHpa = baseHpa.withTarget(hpaTargetPercent);
    this.sizing = sizing;
    this.models = List.copyOf(models);
    this.sizingNote = sizingNote;
    this.engineNote = engineNote;
    this.predictive = new PredictiveRuns(hpaTargetPercent, this::newHpa, specs);
    this.frontier = new FrontierRuns(hpaTargetPercent, minReplicas, this::newHpa);
    this.sweep = new StabilisationSweep(frontier, minReplicas, this.baseHpa);
    this.longerWindows = new LongerWindowFloors(sweep, hpaTargetPercent);
    this.tuning =
        new JumpFloorTuning(
            sweep,
            hpaTargetPercent,
            this::newHpa,
            s -> PredictiveRuns.horizonMinutes(s, predictive.spec(s, ForecastModel.AUTO)));
    this.noise =
        new NoiseFloorTuning(
            sweep,
            minReplicas,
            s -> PredictiveRuns.horizonMinutes(s, predictive.spec(s, ForecastModel.AUTO)));
  }

  /**
   * The lab's own: every model, replicas sized from each trace's training part, the HPA at 70 %,
   * 1..200.
   */
  static LabSetup standard() {
    return new LabSetup(
        STANDARD_TARGET_PERCENT,
        STANDARD_MIN_REPLICAS,
        HpaSettings.kubernetesDefaults(STANDARD_TARGET_PERCENT, STANDARD_MAX_REPLICAS),
        CapacityRule::capacityPerReplica,
        PredictiveRuns.sizedByWorkload(
            STANDARD_MIN_REPLICAS, STANDARD_MAX_REPLICAS, STANDARD_TARGET_PERCENT),
        List.of(ForecastModel.values()),
        String.format(
            Locale.ROOT,
            "capacity per replica = ceil(p%s of training demand / %d)",
            Format.num(CapacityRule.QUANTILE * 100, 1),
            CapacityRule.REPLICAS_AT_QUANTILE),
        String.format(
            Locale.ROOT,
            "Engine settings are its defaults except: mode ENFORCE, model as named, "
                + "targetPerReplica = capacity x %d %%.",
            STANDARD_TARGET_PERCENT));
  }

  /**
   * An existing app's own settings: its targetPerReplica sizes the replicas, its HPA target and
   * replica bounds run the HPA, and the engine runs with everything the operator derives from its
   * spec.prediction (model, horizon, lookback, schedules, limits), in Enforce so that the replay
   * shows what the floor would have done. Its HPA runs with its own behavior ({@link
   * AppProfile#hpa()}).
   */
  static LabSetup forApp(AppProfile app) {
    AppScalingSpec own = app.engine();
    double perMinute =
        own.targetPerReplica() * 60; // the query is a rate per second; the replay counts minutes
    return new LabSetup(
        app.hpaTargetPercent(),
        own.minReplicas(),
        app.hpa(),
        (trace, split) -> perMinute / own.targetUtilization(),
        (s, model) ->
            own.toBuilder()
                .mode(ScalingMode.ENFORCE)
                .model(model)
                .step(Duration.ofMinutes(1))
                .targetPerReplica(perMinute)
                .build(),
        List.of(own.model()),
        String.format(
            Locale.ROOT,
            "capacity per replica = %s's targetPerReplica (%s per second at the "
                + "HPA's %d %% CPU target) x 60 / %s",
            app.name(),
            own.targetPerReplica(),
            app.hpaTargetPercent(),
            Format.num(own.targetUtilization(), 2)),
        "Engine settings are "
            + app.name()
            + "'s spec.prediction as the operator maps it, except: mode "
            + "ENFORCE (what the floor would have done), step 1 min (the replay's), targetPerReplica "
            + "x 60 (per minute, as the trace counts).");
  }

  HorizontalPodAutoscalerModel newHpa(int targetPercent) {
    return new HorizontalPodAutoscalerModel(baseHpa.withTarget(targetPercent));
  }

  HpaSettings referenceHpa() {
    return baseHpa;
  }
}
