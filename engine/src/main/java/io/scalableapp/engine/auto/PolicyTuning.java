package io.scalableapp.engine.auto;

import io.scalableapp.engine.auto.TuningVerdict.Outcome;
import io.scalableapp.engine.series.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When and with what an app's policy is searched ({@link PolicySearch}): at most once per {@code
 * every}, again after {@code retryAfterFailure} when a search failed, and never with less history
 * than the search needs. A turn that cannot search keeps the policy that ran. Holds no per-app data
 * ({@link State}), so one instance serves every app.
 */
public final class PolicyTuning {

  private final Clock clock;
  private final Duration every;
  private final Duration retryAfterFailure;
  private final PolicySearch search = new PolicySearch();

  public PolicyTuning(Clock clock, Duration every, Duration retryAfterFailure) {
    this.clock = clock;
    this.every = every;
    this.retryAfterFailure = retryAfterFailure;
  }

  /**
   * One app's tuning: the last verdict and when the next search is due. Used by one evaluation at a
   * time.
   */
  public static final class State {
    private TuningVerdict last;
    private Instant next;
    private final TunedPolicy restored;

    /**
     * @param running what ran before (the user's HPA for a new app; status's record after a
     *     restart)
     * @param next when the first search is due
     */
    public State(TunedPolicy running, Instant next) {
      this.restored = running;
      this.next = next;
    }

    public Optional<TuningVerdict> last() {
      return Optional.ofNullable(last);
    }

    public TunedPolicy running() {
      return last == null ? restored : last.running();
    }

    public Instant nextSearch() {
      return next;
    }
  }

  public State newState(TunedPolicy user) {
    return new State(user, clock.instant());
  }

  public boolean due(State state) {
    return !clock.instant().isBefore(state.next);
  }

  /**
   * Searches the app's policy on {@code history} and records the verdict.
   *
   * @throws RuntimeException when the search fails; the caller reports it and calls {@link #failed}
   */
  public TuningVerdict search(
      State state,
      Series history,
      TunedPolicy user,
      double capacityPerReplica,
      Duration startupDelay,
      int minReplicas,
      int maxReplicas,
      List<FloorCandidate> floors,
      PolicySearchSettings settings) {
    Instant now = clock.instant();
    Duration held = AutoMode.held(history);
    if (held.compareTo(settings.minHistory()) < 0) {
      return record(
          state,
          new TuningVerdict(
              now,
              Outcome.INSUFFICIENT_HISTORY,
              state.running(),
              previousChoice(state),
              held,
              settings.minHistory(),
              ""),
          every);
    }
    PolicyChoice choice =
        search.search(
            history,
            user,
            capacityPerReplica,
            startupDelay,
            minReplicas,
            maxReplicas,
            floors,
            settings);
    return record(
        state,
        new TuningVerdict(
            now,
            Outcome.SEARCHED,
            choice.running(),
            Optional.of(choice),
            held,
            settings.minHistory(),
            ""),
        every);
  }

  /** No HPA runs: nothing to tune; judged again later. */
  public TuningVerdict withoutHpa(State state) {
    return record(
        state,
        new TuningVerdict(
            clock.instant(),
            Outcome.NO_HPA,
            state.running(),
            previousChoice(state),
            Duration.ZERO,
            Duration.ZERO,
            ""),
        every);
  }

  /** The search failed: the running policy stays, retried after {@code retryAfterFailure}. */
  public TuningVerdict failed(State state, String problem) {
    Duration held = state.last().map(TuningVerdict::held).orElse(Duration.ZERO);
    Duration needed = state.last().map(TuningVerdict::needed).orElse(Duration.ZERO);
    return record(
        state,
        new TuningVerdict(
            clock.instant(),
            Outcome.FAILED,
            state.running(),
            previousChoice(state),
            held,
            needed,
            problem),
        retryAfterFailure);
  }

  public Duration retryAfterFailure() {
    return retryAfterFailure;
  }

  private static Optional<PolicyChoice> previousChoice(State state) {
    return state.last().flatMap(TuningVerdict::choice);
  }

  private static TuningVerdict record(State state, TuningVerdict verdict, Duration next) {
    state.last = verdict;
    state.next = verdict.at().plus(next);
    return verdict;
  }
}
