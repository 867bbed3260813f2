package io.scalableapp.engine;

import io.scalableapp.engine.ScalerSnapshot.CandidateScores;
import io.scalableapp.engine.ScalerSnapshot.HourlyError;
import io.scalableapp.engine.decision.ForecastAccuracyTracker.PendingPoint;
import io.scalableapp.engine.forecast.Forecast;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every AUTO candidate's forecast at the scaler's lead, scored against the actual once it arrives,
 * over the last {@link #WINDOW}: a rolling-origin evaluation with an origin at every evaluation. A
 * day of origins judges the candidates on every hour of the day, where a backtest affordable within
 * one evaluation sees a handful. Errors are kept as hourly sums (the window slides by the hour),
 * which keeps the snapshot small.
 */
final class LiveModelScores {

  static final Duration WINDOW = Duration.ofDays(1);

  /**
   * Scored forecasts each candidate needs before the live scores decide: an hour of evaluations.
   */
  static final int MIN_SAMPLES = 60;

  /** Bound on forecasts waiting for their actual, should actuals stop arriving. */
  static final int MAX_PENDING = 1_000;

  private static final class Candidate {
    final Deque<PendingPoint> pending = new ArrayDeque<>();
    final Deque<HourlyError> hours = new ArrayDeque<>();

    void score(Instant due, double absError, double actual) {
      Instant hour = due.truncatedTo(ChronoUnit.HOURS);
      HourlyError last = hours.peekLast();
      if (last != null && last.hour().equals(hour)) {
        hours.removeLast();
        hours.addLast(
            new HourlyError(
                hour, last.absError() + absError, last.actual() + actual, last.samples() + 1));
      } else {
        hours.addLast(new HourlyError(hour, absError, actual, 1));
      }
    }

    int samples() {
      return hours.stream().mapToInt(HourlyError::samples).sum();
    }

    double wape() {
      double actual = hours.stream().mapToDouble(HourlyError::actual).sum();
      return actual == 0
          ? Double.NaN
          : hours.stream().mapToDouble(HourlyError::absError).sum() / actual;
    }
  }

  private final Map<ForecastModel, Candidate> candidates = new EnumMap<>(ForecastModel.class);

  /** Scores what has arrived in {@code history} and forgets hours that left the window. */
  void reconcile(Series history, Instant now) {
    Instant cutoff = now.minus(WINDOW);
    for (Candidate c : candidates.values()) {
      while (!history.isEmpty()
          && !c.pending.isEmpty()
          && !c.pending.peekFirst().due().isAfter(history.end())) {
        PendingPoint p = c.pending.removeFirst();
        int i = history.indexNear(p.due());
        if (i >= 0 && !Double.isNaN(history.get(i))) {
          c.score(p.due(), Math.abs(history.get(i) - p.predicted()), history.get(i));
        }
      }
      while (!c.hours.isEmpty()
          && !c.hours.peekFirst().hour().plus(Duration.ofHours(1)).isAfter(cutoff)) {
        c.hours.removeFirst();
      }
    }
  }

  /** Remembers a candidate's forecast at the lead (its last point), one per due time. */
  void expect(Forecast f) {
    int last = f.size() - 1;
    Candidate c = candidates.computeIfAbsent(f.model(), m -> new Candidate());
    Instant due = f.timeAt(last);
    if (!c.pending.isEmpty() && !due.isAfter(c.pending.peekLast().due())) {
      return;
    }
    c.pending.addLast(new PendingPoint(due, f.get(last)));
    if (c.pending.size() > MAX_PENDING) {
      c.pending.removeFirst();
    }
  }

  /**
   * WAPE of each candidate over the window, in candidate order, when every one has {@link
   * #MIN_SAMPLES} scored forecasts; empty otherwise.
   */
  Optional<Map<ForecastModel, Double>> wapes(List<ForecastModel> models) {
    Map<ForecastModel, Double> out = new LinkedHashMap<>();
    for (ForecastModel m : models) {
      Candidate c = candidates.get(m);
      if (c == null || c.samples() < MIN_SAMPLES || Double.isNaN(c.wape())) {
        return Optional.empty();
      }
      out.put(m, c.wape());
    }
    return Optional.of(out);
  }

  List<CandidateScores> snapshot() {
    List<CandidateScores> out = new ArrayList<>();
    candidates.forEach(
        (m, c) -> out.add(new CandidateScores(m, List.copyOf(c.pending), List.copyOf(c.hours))));
    return out;
  }

  static LiveModelScores restored(List<CandidateScores> stored) {
    LiveModelScores scores = new LiveModelScores();
    for (CandidateScores s : stored) {
      Candidate c = new Candidate();
      c.pending.addAll(s.pending());
      c.hours.addAll(s.hours());
      scores.candidates.put(s.model(), c);
    }
    return scores;
  }
}
