package io.scalableapp.engine.auto;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.auto.TuningVerdict.Outcome;
import io.scalableapp.engine.testing.SyntheticSeries;
import io.scalableapp.engine.time.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTuningTest {

  private final ManualClock clock = new ManualClock(SyntheticSeries.T0);
  private final PolicyTuning tuning =
      new PolicyTuning(clock, Duration.ofHours(1), Duration.ofMinutes(5));
  private final TunedPolicy running = TunedPolicy.reactive(85, Duration.ofMinutes(30));

  private TuningVerdict search(PolicyTuning.State state, int minutes) {
    return tuning.search(
        state,
        SyntheticSeries.flat(minutes, 100),
        PolicySearchTest.USER,
        10 * 100 / 70.0,
        PolicySearchTest.STARTUP,
        1,
        50,
        List.of(FloorCandidates.none(1)),
        PolicySearchTest.bounds(0));
  }

  @Test
  void tooLittleHistoryKeepsTheRunningPolicyAndSaysWhatItNeeds() {
    PolicyTuning.State state = new PolicyTuning.State(running, clock.instant());
    TuningVerdict v = search(state, 1440);
    assertThat(v.outcome()).isEqualTo(Outcome.INSUFFICIENT_HISTORY);
    assertThat(v.running()).isEqualTo(running);
    assertThat(v.held()).isEqualTo(Duration.ofDays(1));
    assertThat(v.needed()).isEqualTo(Duration.ofDays(3));
    assertThat(tuning.due(state)).isFalse();
    clock.advance(Duration.ofHours(1));
    assertThat(tuning.due(state)).isTrue();
  }

  @Test
  void aSearchThatIsNotValidatedRunsTheUsersHpaAndAFailureKeepsItRetryingSooner() {
    PolicyTuning.State state = new PolicyTuning.State(running, clock.instant());
    TuningVerdict v = search(state, 4 * 1440);
    assertThat(v.outcome()).isEqualTo(Outcome.SEARCHED);
    assertThat(v.choice()).get().extracting(PolicyChoice::applied).isEqualTo(false);
    assertThat(v.running()).isEqualTo(PolicySearchTest.USER);

    TuningVerdict failed = tuning.failed(state, "boom");
    assertThat(failed.running()).isEqualTo(PolicySearchTest.USER);
    assertThat(failed.choice()).isEqualTo(v.choice());
    assertThat(state.nextSearch()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
  }
}
