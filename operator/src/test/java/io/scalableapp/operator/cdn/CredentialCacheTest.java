package io.scalableapp.operator.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {
  @Test
  void appsSharingASecretReadItOncePerMaxAgeAndARefusedTokenIsReadAgain() {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-07T00:00:00Z"));
    CredentialCache cache = new CredentialCache(Duration.ofSeconds(30), clock);
    AtomicInteger reads = new AtomicInteger();
    for (int app = 0; app < 100; app++) {
      assertThat(cache.token("team", "cloudflare", "apiToken", () -> "t" + reads.incrementAndGet()))
          .isEqualTo("t1");
    }
    assertThat(reads).hasValue(1);
    clock.advance(Duration.ofSeconds(30));
    assertThat(cache.token("team", "cloudflare", "apiToken", () -> "t" + reads.incrementAndGet()))
        .isEqualTo("t2");
    cache.forget("team", "cloudflare", "apiToken");
    assertThat(cache.token("team", "cloudflare", "apiToken", () -> "t" + reads.incrementAndGet()))
        .isEqualTo("t3");
    clock.advance(Duration.ofMinutes(5));
    cache.token("other", "cloudflare", "apiToken", () -> "x");
    assertThat(cache.size()).as("expired entries are dropped").isEqualTo(1);
    assertThat(cache.toString()).doesNotContain("t3");
  }
}
