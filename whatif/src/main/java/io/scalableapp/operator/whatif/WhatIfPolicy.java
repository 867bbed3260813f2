package io.scalableapp.operator.whatif;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.auto.AutoModeSettings;
import io.scalableapp.engine.auto.FloorCandidate;
import io.scalableapp.engine.auto.FloorCandidates;
import io.scalableapp.engine.auto.PolicyChoice;
import io.scalableapp.engine.auto.PolicySearch;
import io.scalableapp.engine.auto.PolicySearchSettings;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.floor.FloorFamily;
import io.scalableapp.engine.floor.NoiseFloorRule;
import io.scalableapp.engine.floor.NoiseFloorTracker;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.engine.replay.trace.TraceRecording;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.TuningSpec;
import io.scalableapp.operator.api.translate.ScalingSpecs;
import io.scalableapp.operator.api.translate.TuningSpecs;
import io.scalableapp.operator.api.translate.TuningText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy spec.autoscaling.tuning would choose for an existing app, on the history the what-if
 * fetched: the operator's own search ({@link PolicySearch}) with the app's bounds (tuning's
 * defaults when the app has none), over the floor families tuning offers under prediction.mode Auto
 * within the app's tuning.floors ({@link TuningSpecs#autoFamilies}), with the operator's warm-up;
 * then again with more of the engine's noise-sized floors on the recent level, which the operator
 * does not offer, for comparison. Written to {@code policy.md} beside the replay's report.
 */
public final class WhatIfPolicy {
  /** The what-if's pods take a minute to start, as the replay's first scenario. */
  static final Duration STARTUP = Duration.ofSeconds(60);

  private WhatIfPolicy() {}

  /**
   * The noise-sized floors on the recent level the what-if also tries; the operator offers only
   * {@link TuningSpecs#RECENT_LEVEL_RULE}.
   */
  static final List<NoiseFloorRule> NOISE_RULES =
      List.of(
          NoiseFloorRule.sqrtNoise(FloorFamily.RECENT_LEVEL, 0.95, Duration.ZERO),
          NoiseFloorRule.sqrtNoise(FloorFamily.RECENT_LEVEL, 0.99, Duration.ZERO));

  /** The families tuning offers under Auto, within the app's tuning.floors. */
  public static PolicyChoice search(ScalableApp app, Trace trace) {
    return search(app, trace, false);
  }

  /** With {@code noise}, the engine's other noise-sized floors on the recent level as well. */
  public static PolicyChoice search(ScalableApp app, Trace trace, boolean noise) {
    TuningSpec bounds = TuningSpecs.of(app).orElseGet(TuningSpec::new);
    AppScalingSpec spec = ScalingSpecs.of(app, AppProfiles.STEP);
    List<FloorCandidate> families =
        new ArrayList<>(
            TuningSpecs.autoFamilies(
                app,
                spec,
                new ReadyLatencyEstimator(),
                AutoModeSettings.DEFAULT_REPLAY_INTERVAL,
                ForecasterFactory.DEFAULT));
    if (noise) {
      NOISE_RULES.forEach(
          rule ->
              families.add(
                  FloorCandidates.recentLevelNoise(
                      rule,
                      spec.minReplicas(),
                      spec.maxReplicas(),
                      TuningSpecs.capacityPerReplica(app),
                      STARTUP,
                      NoiseFloorTracker.RESIDUAL_MINUTES)));
    }
    PolicySearchSettings settings =
        TuningSpecs.settings(bounds, AutoModeSettings.defaults().warmUp());
    return new PolicySearch()
        .search(
            TraceRecording.of(trace),
            TuningSpecs.user(app),
            TuningSpecs.capacityPerReplica(app),
            STARTUP,
            spec.minReplicas(),
            spec.maxReplicas(),
            families,
            settings);
  }

  /**
   * The choice in words, as the operator's status and Events say it, and what the noise floors
   * would add.
   */
  public static String text(String app, PolicyChoice c, PolicyChoice withNoise) {
    return "# The policy tuning would choose for "
        + app
        + "\n\n"
        + (c.applied()
            ? "It would run " + TuningText.policy(c.chosen().policy())
            : "It would keep your HPA, " + TuningText.policy(c.user().policy()))
        + ": "
        + c.verdict()
        + ".\n\n"
        + "Replayed (pods ready 60 s after start, the realistic HPA), "
        + TuningText.figures(c)
        + ".\n\n"
        + "With more of the engine's noise-sized floors on the recent level as candidates (the operator offers one): "
        + TuningText.policy(withNoise.chosen().policy())
        + knobs(withNoise)
        + ", "
        + (withNoise.applied() ? "validated" : "not validated")
        + "; "
        + TuningText.figures(withNoise)
        + ".\n";
  }

  private static String knobs(PolicyChoice c) {
    return c.chosen().policy().knobs().isEmpty() ? "" : " (" + c.chosen().policy().knobs() + ")";
  }

  static void write(Path out, String text) throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("policy.md"), text);
  }
}
