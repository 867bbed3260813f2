package io.scalableapp.operator.api.translate;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.auto.FloorCandidate;
import io.scalableapp.engine.auto.FloorCandidates;
import io.scalableapp.engine.auto.PolicySearchSettings;
import io.scalableapp.engine.auto.TunedPolicy;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.floor.NoiseFloorRule;
import io.scalableapp.engine.floor.NoiseFloorTracker;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.text.DurationText;
import io.scalableapp.operator.api.AutoscalingSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.TuningSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * spec.autoscaling.tuning in the engine's terms: the user's HPA, the search's bounds and the floor
 * families.
 */
public final class TuningSpecs {
  /** Kubernetes' default scale-down stabilisation window. */
  public static final Duration DEFAULT_SCALE_DOWN_WINDOW = Duration.ofMinutes(5);

  private TuningSpecs() {}

  public static Optional<TuningSpec> of(ScalableApp app) {
    return Optional.ofNullable(app.getSpec().getAutoscaling().getTuning());
  }

  /** The HPA as the user wrote it: its CPU target and scale-down window, no floor. */
  public static TunedPolicy user(ScalableApp app) {
    AutoscalingSpec a = app.getSpec().getAutoscaling();
    Duration window =
        Optional.ofNullable(a.getBehavior())
            .map(HorizontalPodAutoscalerBehavior::getScaleDown)
            .map(HPAScalingRules::getStabilizationWindowSeconds)
            .map(s -> Duration.ofSeconds(s))
            .orElse(DEFAULT_SCALE_DOWN_WINDOW);
    return TunedPolicy.reactive(a.getTargetCPUUtilizationPercentage(), window);
  }

  public static PolicySearchSettings settings(TuningSpec t, Duration warmUp) {
    return new PolicySearchSettings(
        t.getMinTargetCPUUtilizationPercentage(),
        t.getMaxTargetCPUUtilizationPercentage(),
        Duration.ofSeconds(t.getMinScaleDownStabilizationSeconds()),
        Duration.ofSeconds(t.getMaxScaleDownStabilizationSeconds()),
        t.getExtraCostPercent() / 100.0,
        warmUp,
        DurationText.parse(t.getValidation()));
  }

  /** The noise-sized floor on the recent level the policy may choose under Auto. */
  public static final NoiseFloorRule RECENT_LEVEL_RULE = FloorCandidates.RECENT_LEVEL_RULE;

  /**
   * The floor families the policy may choose from: under Auto the HPA alone and those of
   * tuning.floors among the forecast floor and the noise floor on the recent level (the search then
   * decides which floor runs, if any); under Enforce the forecast floor, which the user asked for;
   * under Shadow none.
   */
  public static List<FloorCandidate> families(
      ScalableApp app,
      AppScalingSpec spec,
      ReadyLatencyEstimator readyLatency,
      Duration replayInterval,
      ForecasterFactory forecasters) {
    return switch (app.getSpec().getPrediction().getMode()) {
      case Shadow -> List.of(FloorCandidates.none(spec.minReplicas()));
      case Enforce ->
          List.of(FloorCandidates.forecast(spec, readyLatency, replayInterval, forecasters));
      default -> autoFamilies(app, spec, readyLatency, replayInterval, forecasters);
    };
  }

  /**
   * The floor families a search is offered under prediction.mode Auto, whatever the app's mode: the
   * HPA alone and those of tuning.floors among the forecast floor and the noise floor on the recent
   * level ({@link #RECENT_LEVEL_RULE}, ahead by the app's horizon).
   */
  public static List<FloorCandidate> autoFamilies(
      ScalableApp app,
      AppScalingSpec spec,
      ReadyLatencyEstimator readyLatency,
      Duration replayInterval,
      ForecasterFactory forecasters) {
    FloorCandidate recentLevel =
        FloorCandidates.recentLevelNoise(
            RECENT_LEVEL_RULE,
            spec.minReplicas(),
            spec.maxReplicas(),
            capacityPerReplica(app),
            spec.effectiveHorizon(readyLatency.p95()),
            NoiseFloorTracker.RESIDUAL_MINUTES);
    return FloorCandidates.allowed(
        List.of(
            FloorCandidates.none(spec.minReplicas()),
            FloorCandidates.forecast(spec, readyLatency, replayInterval, forecasters),
            recentLevel),
        allowedFloors(app));
  }

  /**
   * The floor families tuning.floors allows, in the engine's names (the API's enum is named as
   * status shows the families, which are the engine's names); all when tuning or its floors are
   * unset.
   */
  public static List<String> allowedFloors(ScalableApp app) {
    return of(app)
        .map(TuningSpec::getFloors)
        .map(floors -> floors.stream().map(TuningSpec.Floor::name).toList())
        .orElse(FloorCandidates.ALLOWABLE);
  }

  /**
   * The rule the engine runs live for a policy whose floor is {@code family}; empty for any other
   * family.
   */
  public static Optional<NoiseFloorRule> liveNoiseFloor(String family) {
    return FloorCandidates.RECENT_LEVEL_NOISE.equals(family)
        ? Optional.of(RECENT_LEVEL_RULE)
        : Optional.empty();
  }

  /**
   * Demand one ready replica serves at full CPU: targetPerReplica is what it serves at the user's
   * CPU target.
   */
  public static double capacityPerReplica(ScalableApp app) {
    return app.getSpec().getPrediction().getTargetPerReplica()
        * 100.0
        / app.getSpec().getAutoscaling().getTargetCPUUtilizationPercentage();
  }

  /** What a search depends on besides the history; a change starts the app's tuning afresh. */
  public static String inputs(ScalableApp app) {
    TuningSpec t = app.getSpec().getAutoscaling().getTuning();
    return user(app)
        + "|"
        + app.getSpec().getPrediction().getMode()
        + "|"
        + t.getMinTargetCPUUtilizationPercentage()
        + "-"
        + t.getMaxTargetCPUUtilizationPercentage()
        + "|"
        + t.getMinScaleDownStabilizationSeconds()
        + "-"
        + t.getMaxScaleDownStabilizationSeconds()
        + "|"
        + t.getExtraCostPercent()
        + "|"
        + t.getValidation()
        + "|"
        + allowedFloors(app)
        + "|"
        + app.getSpec().getPrediction().getTargetPerReplica()
        + "|"
        + app.getSpec().getReplicas().getMin()
        + "-"
        + app.getSpec().getReplicas().getMax();
  }

  /** Whether the policy runs: tuning.mode Apply and a validated choice. */
  public static boolean applies(ScalableApp app) {
    return of(app).map(t -> t.getMode() == TuningSpec.Mode.Apply).orElse(false);
  }
}
