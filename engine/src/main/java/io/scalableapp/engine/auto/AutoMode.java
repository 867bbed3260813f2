package io.scalableapp.engine.auto;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.auto.AutoVerdict.Outcome;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.series.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code mode: Auto}: Shadow until the app's own history, replayed ({@link HistoryReplay}), shows
 * the forecast beating the reactive HPA that spends the same, then Enforce; back to Shadow when it
 * stops. Promotion and demotion use different margins (hysteresis), so an app near the line does
 * not flap. Each app is judged at most once per {@link AutoModeSettings#evaluateEvery()}; between
 * judgements it keeps its mode. Holds no per-app data ({@link AutoModeState}), so one instance
 * serves every app.
 */
public final class AutoMode {

  private final Clock clock;
  private final AutoModeSettings settings;
  private final HistoryReplay replay;

  public AutoMode(Clock clock, AutoModeSettings settings, ForecasterFactory forecasters) {
    this.clock = clock;
    this.settings = settings;
    this.replay = new HistoryReplay(forecasters);
  }

  public AutoModeSettings settings() {
    return settings;
  }

  /** A new app: Shadow, judged as soon as it has history. */
  public AutoModeState newState() {
    return new AutoModeState(ScalingMode.SHADOW, Optional.empty(), clock.instant());
  }

  public boolean due(AutoModeState state) {
    return !clock.instant().isBefore(state.nextEvaluation());
  }

  /**
   * Judges the app on {@code history} and records the verdict in {@code state}.
   *
   * @throws RuntimeException when the replay fails; the caller reports it and calls {@link #failed}
   */
  public AutoVerdict evaluate(
      AutoModeState state,
      AppScalingSpec spec,
      Series history,
      int hpaTargetPercent,
      ReadyLatencyEstimator readyLatency) {
    Instant now = clock.instant();
    Duration held = held(history);
    if (held.compareTo(settings.minHistory()) < 0) {
      return record(
          state,
          new AutoVerdict(
              now,
              state.mode(),
              Outcome.INSUFFICIENT_HISTORY,
              previousEvidence(state),
              held,
              settings.minHistory(),
              ""),
          settings.evaluateEvery());
    }
    ReplayEvidence evidence =
        replay.replay(
            spec,
            history,
            hpaTargetPercent,
            readyLatency,
            settings.warmUp(),
            settings.replayInterval());
    Outcome outcome = decide(state.mode(), evidence, settings);
    ScalingMode mode =
        outcome == Outcome.PROMOTED || outcome == Outcome.STILL_BEATING
            ? ScalingMode.ENFORCE
            : ScalingMode.SHADOW;
    return record(
        state,
        new AutoVerdict(now, mode, outcome, Optional.of(evidence), held, settings.minHistory(), ""),
        settings.evaluateEvery());
  }

  /**
   * No HPA runs, so there is nothing to compare with: the mode stays (a new app stays in Shadow),
   * judged again later. It is not demoted: without an HPA the floor is the Deployment's replicas,
   * and dropping it would remove running pods at once.
   */
  public AutoVerdict withoutHpa(AutoModeState state) {
    return record(
        state,
        new AutoVerdict(
            clock.instant(),
            state.mode(),
            Outcome.NO_HPA,
            previousEvidence(state),
            Duration.ZERO,
            settings.minHistory(),
            ""),
        settings.evaluateEvery());
  }

  /**
   * The replay failed: the app keeps its mode and is judged again after {@link
   * AutoModeSettings#retryAfterFailure()}.
   */
  public AutoVerdict failed(AutoModeState state, String problem) {
    Duration held = state.last().map(AutoVerdict::held).orElse(Duration.ZERO);
    return record(
        state,
        new AutoVerdict(
            clock.instant(),
            state.mode(),
            Outcome.FAILED,
            previousEvidence(state),
            held,
            settings.minHistory(),
            problem),
        settings.retryAfterFailure());
  }

  /** The hysteresis: promote on the higher margin, demote below the lower one. */
  static Outcome decide(ScalingMode current, ReplayEvidence evidence, AutoModeSettings settings) {
    if (current == ScalingMode.ENFORCE) {
      return evidence.beats(settings.demoteReduction(), settings.maxExtraCost())
          ? Outcome.STILL_BEATING
          : Outcome.DEMOTED;
    }
    return evidence.beats(settings.promoteReduction(), settings.maxExtraCost())
        ? Outcome.PROMOTED
        : Outcome.NOT_BEATING;
  }

  /** From the first valid sample to the end of the series. */
  static Duration held(Series history) {
    for (int i = 0; i < history.size(); i++) {
      if (!Double.isNaN(history.get(i))) {
        return Duration.between(history.timeAt(i), history.end()).plus(history.step());
      }
    }
    return Duration.ZERO;
  }

  private static Optional<ReplayEvidence> previousEvidence(AutoModeState state) {
    return state.last().flatMap(AutoVerdict::evidence);
  }

  private AutoVerdict record(AutoModeState state, AutoVerdict verdict, Duration next) {
    state.record(verdict, verdict.at().plus(next));
    return verdict;
  }
}
