package io.scalableapp.operator.whatif;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.auto.FloorCandidate;
import io.scalableapp.engine.auto.FloorCandidates;
import io.scalableapp.engine.auto.PolicyChoice;
import io.scalableapp.engine.auto.PolicySearch;
import io.scalableapp.engine.auto.PolicySearchSettings;
import io.scalableapp.engine.auto.AutoModeSettings;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.engine.replay.trace.TraceRecording;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.TuningSpec;
import io.scalableapp.operator.prediction.ScalingSpecs;
import io.scalableapp.operator.prediction.TuningSpecs;
import io.scalableapp.operator.prediction.TuningText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The policy spec.autoscaling.tuning would choose for an existing app, on the history the what-if fetched: the operator's
 * own search ({@link PolicySearch}) with the app's bounds (tuning's defaults when the app has none), over the HPA
 * alone and the forecast floor, with the operator's warm-up. Written to {@code policy.md} beside the replay's report.
 */
public final class WhatIfPolicy {
  /** The what-if's pods take a minute to start, as the replay's first scenario. */
  static final Duration STARTUP = Duration.ofSeconds(60);

  private WhatIfPolicy() {}

  public static PolicyChoice search(ScalableApp app, Trace trace) {
    TuningSpec bounds = TuningSpecs.of(app).orElseGet(TuningSpec::new);
    AppScalingSpec spec = ScalingSpecs.of(app, AppProfiles.STEP);
    List<FloorCandidate> families = List.of(FloorCandidates.none(spec.minReplicas()), FloorCandidates.forecast(spec,
        new ReadyLatencyEstimator(), AutoModeSettings.DEFAULT_REPLAY_INTERVAL, ForecasterFactory.DEFAULT));
    PolicySearchSettings settings = TuningSpecs.settings(bounds, AutoModeSettings.defaults().warmUp());
    return new PolicySearch().search(TraceRecording.of(trace), TuningSpecs.user(app),
        TuningSpecs.capacityPerReplica(app), STARTUP, spec.minReplicas(), spec.maxReplicas(), families, settings);
  }

  /** The choice in words, as the operator's status and Events say it. */
  public static String text(String app, PolicyChoice c) {
    return "# The policy tuning would choose for " + app + "\n\n"
        + (c.applied() ? "It would run " + TuningText.policy(c.chosen().policy()) : "It would keep your HPA, "
            + TuningText.policy(c.user().policy())) + ": " + c.verdict() + ".\n\n"
        + "Replayed (pods ready 60 s after start, the realistic HPA), " + TuningText.figures(c) + ".\n";
  }

  static void write(Path out, String text) throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("policy.md"), text);
  }
}
