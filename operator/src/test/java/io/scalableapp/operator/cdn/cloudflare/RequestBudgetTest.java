package io.scalableapp.operator.cdn.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.engine.time.ManualClock;
import io.scalableapp.operator.cdn.CdnProviderException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T00:00:00Z"));

  @Test
  void aSpentBudgetIsRateLimitedWithTheWaitAndRefillsEvenly() {
    RequestBudget budget = new RequestBudget(300, clock);
    for (int i = 0; i < 300; i++) {
      budget.take("token-a");
    }
    assertThatThrownBy(() -> budget.take("token-a"))
        .isInstanceOfSatisfying(
            CdnProviderException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("RateLimited");
              assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1));
            });
    budget.take("token-b");
    // 300 per 5 minutes: one a second comes back.
    clock.advance(Duration.ofSeconds(1));
    budget.take("token-a");
    assertThatThrownBy(() -> budget.take("token-a")).isInstanceOf(CdnProviderException.class);
  }

  @Test
  void idleFullBucketsAreDropped() {
    RequestBudget budget = new RequestBudget(1000, clock);
    for (int i = 0; i < 100; i++) {
      budget.take("token-" + i);
    }
    clock.advance(Duration.ofMinutes(6));
    budget.take("fresh");
    assertThat(budget.tracked()).isEqualTo(1);
  }
}
