package io.scalableapp.engine;

import io.scalableapp.engine.decision.ForecastAccuracyTracker.PendingPoint;
import io.scalableapp.engine.decision.ForecastAccuracyTracker.ScoredPoint;
import io.scalableapp.engine.decision.PeakResidualTracker.PendingPeak;
import io.scalableapp.engine.decision.PeakResidualTracker.ScoredPeak;
import io.scalableapp.engine.decision.TimedHistory;
import io.scalableapp.engine.forecast.ForecastModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link ScalerState} has learned, as plain immutable data, so a caller can keep it
 * across restarts (see {@link ScalerState#snapshot()} and {@link PredictiveScaler#restore}).
 * Nullable fields are null when the state had not learned them yet.
 *
 * @param lastFloor the floor decided last, or null
 * @param lastGoodMetricsAt when demand was last fetched and evaluated completely, or null
 * @param forecastTrusted whether the accuracy gate was open
 * @param accuracyScored scored point forecasts behind the rolling error, in scoring order
 * @param accuracyPending point forecasts still waiting for their actual, oldest first
 * @param peaksScored scored horizon-peak residuals behind the learned margin, in scoring order
 * @param peaksPending horizon peaks still waiting for their actuals, oldest first
 * @param floors floors in force during the rate and stabilisation windows, oldest first
 * @param recommendations unlimited recommendations during those windows, oldest first
 * @param readyLatencyMillis observed pod start-to-ready durations, oldest first
 * @param modelChoice the remembered AUTO model choice, or null
 * @param candidateScores AUTO's live scores of every candidate (empty for a fixed model)
 */
public record ScalerSnapshot(
    Integer lastFloor,
    Instant lastGoodMetricsAt,
    boolean forecastTrusted,
    List<ScoredPoint> accuracyScored,
    List<PendingPoint> accuracyPending,
    List<ScoredPeak> peaksScored,
    List<PendingPeak> peaksPending,
    List<TimedHistory.Entry> floors,
    List<TimedHistory.Entry> recommendations,
    List<Long> readyLatencyMillis,
    ModelChoiceSnapshot modelChoice,
    List<CandidateScores> candidateScores) {

  /** A snapshot without live AUTO scores, as states saved before AUTO kept them. */
  public ScalerSnapshot(
      Integer lastFloor,
      Instant lastGoodMetricsAt,
      boolean forecastTrusted,
      List<ScoredPoint> accuracyScored,
      List<PendingPoint> accuracyPending,
      List<ScoredPeak> peaksScored,
      List<PendingPeak> peaksPending,
      List<TimedHistory.Entry> floors,
      List<TimedHistory.Entry> recommendations,
      List<Long> readyLatencyMillis,
      ModelChoiceSnapshot modelChoice) {
    this(
        lastFloor,
        lastGoodMetricsAt,
        forecastTrusted,
        accuracyScored,
        accuracyPending,
        peaksScored,
        peaksPending,
        floors,
        recommendations,
        readyLatencyMillis,
        modelChoice,
        List.of());
  }

  public ScalerSnapshot {
    accuracyScored = List.copyOf(accuracyScored);
    accuracyPending = List.copyOf(accuracyPending);
    peaksScored = List.copyOf(peaksScored);
    peaksPending = List.copyOf(peaksPending);
    floors = List.copyOf(floors);
    recommendations = List.copyOf(recommendations);
    readyLatencyMillis = List.copyOf(readyLatencyMillis);
    candidateScores = List.copyOf(candidateScores);
  }

  /**
   * One AUTO candidate's live scores.
   *
   * @param pending its forecasts at the lead still waiting for their actual, oldest first
   * @param hours its scored errors summed per hour, oldest first
   */
  public record CandidateScores(
      ForecastModel model, List<PendingPoint> pending, List<HourlyError> hours) {
    public CandidateScores {
      Objects.requireNonNull(model, "model");
      pending = List.copyOf(pending);
      hours = List.copyOf(hours);
    }
  }

  /**
   * Absolute errors and actuals summed over the forecasts due within one hour (starting at {@code
   * hour}).
   */
  public record HourlyError(Instant hour, double absError, double actual, int samples) {
    public HourlyError {
      Objects.requireNonNull(hour, "hour");
      if (!(absError >= 0)
          || !(actual >= 0)
          || Double.isInfinite(absError)
          || Double.isInfinite(actual)
          || samples < 1) {
        throw new IllegalArgumentException(
            "an hourly error needs finite sums >= 0 and samples >= 1, was "
                + absError
                + ", "
                + actual
                + ", "
                + samples);
      }
    }
  }

  /**
   * An AUTO choice: the concrete model is stored by name and rebuilt through the scaler's
   * forecaster factory on restore.
   *
   * @param period the seasonal period it was chosen for, or null for none
   * @param backtest every candidate's holdout WAPE in the order they were tried (empty: too little
   *     history)
   */
  public record ModelChoiceSnapshot(
      ForecastModel requested,
      ForecastModel chosen,
      Duration period,
      int leadSteps,
      Instant chosenAt,
      List<ModelScore> backtest) {
    public ModelChoiceSnapshot {
      Objects.requireNonNull(requested, "requested");
      Objects.requireNonNull(chosen, "chosen");
      Objects.requireNonNull(chosenAt, "chosenAt");
      backtest = List.copyOf(backtest);
    }
  }

  /** One candidate's backtest error. */
  public record ModelScore(ForecastModel model, double wape) {
    public ModelScore {
      Objects.requireNonNull(model, "model");
    }
  }
}
