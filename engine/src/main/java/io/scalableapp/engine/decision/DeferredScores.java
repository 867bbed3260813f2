package io.scalableapp.engine.decision;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The bookkeeping behind judging a forecast honestly: each forecast waits until a later fetch holds
 * the actual it is about, is scored then, and the scores are kept for a sliding window. One
 * forecast per due time, so evaluating more often does not weigh more; bounded if actuals stop
 * arriving.
 *
 * @param <F> what was forecast
 * @param <S> its score
 */
final class DeferredScores<F, S> {
  static final int MAX_PENDING = 10_000;

  /** Most scores a restore accepts; in normal operation the window bounds them. */
  static final int MAX_RESTORED_SCORES = 10_000;

  /**
   * Scores one forecast due at {@code due} against the actuals, or returns null if its actual is
   * missing.
   */
  interface Scorer<F, S> {
    S score(Instant due, F forecast, Series actuals);
  }

  private record Pending<F>(Instant due, F forecast) {}

  private record Scored<S>(Instant due, S score) {}

  private final Deque<Pending<F>> pending = new ArrayDeque<>();
  private final Deque<Scored<S>> scored = new ArrayDeque<>();

  void expect(Instant due, F forecast) {
    if (!pending.isEmpty() && !due.isAfter(pending.peekLast().due())) {
      return;
    }
    pending.addLast(new Pending<>(due, forecast));
    if (pending.size() > MAX_PENDING) {
      pending.removeFirst();
    }
  }

  /**
   * Scores every forecast due by the newest actual; one whose actual is missing is dropped for
   * good.
   */
  void reconcile(Series actuals, Scorer<F, S> scorer) {
    if (actuals.isEmpty()) {
      return;
    }
    Instant newest = actuals.end();
    for (Iterator<Pending<F>> it = pending.iterator(); it.hasNext(); ) {
      Pending<F> p = it.next();
      if (p.due().isAfter(newest)) {
        break; // ordered by due time
      }
      S score = scorer.score(p.due(), p.forecast(), actuals);
      if (score != null) {
        scored.addLast(new Scored<>(p.due(), score));
      }
      it.remove();
    }
  }

  /** Forgets scores of forecasts due at or before {@code now - window}. */
  void trim(Instant now, Duration window) {
    Instant cutoff = now.minus(window);
    while (!scored.isEmpty() && !scored.peekFirst().due().isAfter(cutoff)) {
      scored.removeFirst();
    }
  }

  /** Each forecast still waiting for its actual, oldest due first. */
  void forEachPending(BiConsumer<Instant, F> action) {
    pending.forEach(p -> action.accept(p.due(), p.forecast()));
  }

  /** Each kept score in the order it was scored. */
  void forEachScored(BiConsumer<Instant, S> action) {
    scored.forEach(s -> action.accept(s.due(), s.score()));
  }

  /**
   * Appends a score kept elsewhere (a snapshot), in the order it was scored; the oldest go past the
   * bound.
   */
  void restoreScored(Instant due, S score) {
    scored.addLast(new Scored<>(due, score));
    if (scored.size() > MAX_RESTORED_SCORES) {
      scored.removeFirst();
    }
  }

  Stream<S> scores() {
    return scored.stream().map(Scored::score);
  }

  int samples() {
    return scored.size();
  }
}
