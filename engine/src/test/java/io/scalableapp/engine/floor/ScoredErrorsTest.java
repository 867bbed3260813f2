package io.scalableapp.engine.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScoredErrorsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Instant minute(int m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  @Test
  void keepsOnlyErrorsWhoseSpanEndedAfterTheOldestInstantSorted() {
    ScoredErrors errors = new ScoredErrors();
    for (int m = 1; m <= 10; m++) {
      errors.add(minute(m), 10 - m);
    }

    assertThat(errors.sortedAfter(minute(7))).containsExactly(0, 1, 2);
    assertThat(errors.size()).as("the expired front is dropped").isEqualTo(3);
  }

  @Test
  void growsPastItsFirstCapacityWhileItsFrontHasMovedKeepingTheOrder() {
    ScoredErrors errors = new ScoredErrors();
    for (int m = 1; m <= 60; m++) {
      errors.add(minute(m), m);
    }
    errors.sortedAfter(minute(50));
    // The ring's front is now mid-array: adding wraps around it, then grows it.
    for (int m = 61; m <= 10_080; m++) {
      errors.add(minute(m), m);
    }

    double[] lastDay = errors.sortedAfter(minute(10_080 - 1440));
    assertThat(lastDay).hasSize(1440);
    assertThat(lastDay[0]).isEqualTo(10_080 - 1439);
    assertThat(lastDay[1439]).isEqualTo(10_080);
  }

  @Test
  void anExpiredErrorBehindANewerOneIsLeftOut() {
    ScoredErrors errors = new ScoredErrors();
    // The lead shrank: a later anchor's span ended before an earlier one's.
    errors.add(minute(10), 1);
    errors.add(minute(5), 2);
    errors.add(minute(11), 3);

    assertThat(errors.sortedAfter(minute(6))).containsExactly(1, 3);
  }

  @Test
  void exactDoublesSoTheLiveQuantileIsTheReplays() {
    ScoredErrors errors = new ScoredErrors();
    errors.add(minute(1), 16 / Math.sqrt(104));

    assertThat(errors.sortedAfter(T0)).containsExactly(16 / Math.sqrt(104));
  }
}
