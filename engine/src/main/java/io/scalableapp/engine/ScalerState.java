package io.scalableapp.engine;

import io.scalableapp.engine.decision.AccuracyGate;
import io.scalableapp.engine.decision.ForecastAccuracyTracker;
import io.scalableapp.engine.decision.PeakResidualTracker;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.decision.TimedHistory;
import io.scalableapp.engine.floor.NoiseFloorRule;
import io.scalableapp.engine.floor.NoiseFloorTracker;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.ForecasterFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the engine remembers about one app between evaluations. The caller owns it (one per
 * app) and passes it to every {@link PredictiveScaler#evaluate} call, so the operator and the lab's
 * replay drive identical logic. Not thread-safe: evaluate one app at a time.
 */
public final class ScalerState {

  private final ReadyLatencyEstimator readyLatency;
  private final ForecastAccuracyTracker accuracy;
  private final PeakResidualTracker peakResiduals;
  private final AccuracyGate gate;
  private final TimedHistory recommendations;
  private final TimedHistory floors;
  private Integer lastFloor;
  private Instant lastGoodMetricsAt;
  private Recommendation lastRecommendation;
  private ModelChoice modelChoice;
  private LiveModelScores liveScores = new LiveModelScores();
  // Not in the snapshot: a fresh tracker re-learns its errors from the fetched history
  // (NoiseFloorTracker#seed).
  private NoiseFloorTracker noiseFloor;

  public ScalerState() {
    this(new ReadyLatencyEstimator());
  }

  public ScalerState(ReadyLatencyEstimator readyLatency) {
    this(
        readyLatency,
        new ForecastAccuracyTracker(),
        new PeakResidualTracker(),
        new AccuracyGate(),
        new TimedHistory(),
        new TimedHistory());
  }

  private ScalerState(
      ReadyLatencyEstimator readyLatency,
      ForecastAccuracyTracker accuracy,
      PeakResidualTracker peakResiduals,
      AccuracyGate gate,
      TimedHistory recommendations,
      TimedHistory floors) {
    this.readyLatency = readyLatency;
    this.accuracy = accuracy;
    this.peakResiduals = peakResiduals;
    this.gate = gate;
    this.recommendations = recommendations;
    this.floors = floors;
  }

  /**
   * Everything learned so far, to be kept across restarts; the last recommendation itself is not
   * part of it.
   */
  public ScalerSnapshot snapshot() {
    return new ScalerSnapshot(
        lastFloor,
        lastGoodMetricsAt,
        gate.isOpen(),
        accuracy.scored(),
        accuracy.pending(),
        peakResiduals.scored(),
        peakResiduals.pending(),
        floors.entries(),
        recommendations.entries(),
        readyLatency.samplesMillis(),
        modelChoice == null ? null : modelChoice.snapshot(),
        liveScores.snapshot());
  }

  /**
   * A state that evaluates exactly as the snapshotted one would have. The snapshot's pod ready
   * latencies are added to {@code readyLatency} as older than any it already holds; an AUTO
   * choice's forecaster is rebuilt by {@code forecasters}. {@link PredictiveScaler#restore} passes
   * its own.
   *
   * @throws IllegalArgumentException if the snapshot is inconsistent (e.g. a corrupt stored copy)
   */
  public static ScalerState restore(
      ScalerSnapshot snapshot, ForecasterFactory forecasters, ReadyLatencyEstimator readyLatency) {
    ScalerState state =
        new ScalerState(
            readyLatency,
            ForecastAccuracyTracker.restored(snapshot.accuracyScored(), snapshot.accuracyPending()),
            PeakResidualTracker.restored(snapshot.peaksScored(), snapshot.peaksPending()),
            new AccuracyGate(snapshot.forecastTrusted()),
            TimedHistory.of(snapshot.recommendations()),
            TimedHistory.of(snapshot.floors()));
    state.lastFloor = snapshot.lastFloor();
    state.lastGoodMetricsAt = snapshot.lastGoodMetricsAt();
    state.modelChoice =
        snapshot.modelChoice() == null
            ? null
            : ModelChoice.restore(snapshot.modelChoice(), forecasters);
    state.liveScores = LiveModelScores.restored(snapshot.candidateScores());
    readyLatency.backfill(snapshot.readyLatencyMillis());
    return state;
  }

  /** Feed observed pod start-to-ready durations here; the default horizon follows their p95. */
  public ReadyLatencyEstimator readyLatency() {
    return readyLatency;
  }

  public OptionalInt lastFloor() {
    return lastFloor == null ? OptionalInt.empty() : OptionalInt.of(lastFloor);
  }

  public Optional<Instant> lastGoodMetricsAt() {
    return Optional.ofNullable(lastGoodMetricsAt);
  }

  public Optional<Recommendation> lastRecommendation() {
    return Optional.ofNullable(lastRecommendation);
  }

  /** Whether the accuracy gate currently trusts the forecast. */
  /**
   * The concrete model AUTO chose last, if it has chosen; empty for a fixed model or before the
   * first choice.
   */
  public Optional<ForecastModel> chosenModel() {
    return Optional.ofNullable(modelChoice).map(c -> c.selection().chosen().model());
  }

  public boolean forecastTrusted() {
    return gate.isOpen();
  }

  /**
   * Continues from a floor recorded elsewhere (e.g. the custom resource status after an operator
   * restart) instead of starting from replicas.min; treated as decided on good metrics at {@code
   * at}, so a metrics outage right after a restart still holds it.
   */
  public void restoreFloor(int floor, Instant at) {
    lastFloor = floor;
    lastGoodMetricsAt = at;
    floors.add(at, floor);
    recommendations.add(at, floor);
  }

  ForecastAccuracyTracker accuracy() {
    return accuracy;
  }

  PeakResidualTracker peakResiduals() {
    return peakResiduals;
  }

  AccuracyGate gate() {
    return gate;
  }

  TimedHistory recommendations() {
    return recommendations;
  }

  TimedHistory floors() {
    return floors;
  }

  LiveModelScores liveScores() {
    return liveScores;
  }

  ModelChoice modelChoice() {
    return modelChoice;
  }

  void modelChoice(ModelChoice choice) {
    modelChoice = choice;
  }

  /**
   * The app's tracker for {@code rule}; a new one when the rule changed (its errors mean something
   * else).
   */
  NoiseFloorTracker noiseFloor(NoiseFloorRule rule, Clock clock) {
    if (noiseFloor == null || !noiseFloor.rule().equals(rule)) {
      noiseFloor = new NoiseFloorTracker(rule, clock, NoiseFloorTracker.RESIDUAL_WINDOW);
    }
    return noiseFloor;
  }

  void metricsGood(Instant at) {
    lastGoodMetricsAt = at;
  }

  void record(Recommendation r) {
    lastFloor = r.floor();
    lastRecommendation = r;
  }
}
