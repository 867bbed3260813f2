package io.scalableapp.operator.cdn.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.operator.cdn.CdnProviderException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ZoneLocksTest {
  static final String ZONE = "0123456789abcdef0123456789abcdef";

  @Test
  void aZoneHeldLongerThanTheBoundIsProviderBusyNotAWaitWithoutEnd() throws Exception {
    ZoneLocks locks = new ZoneLocks(Duration.ofMillis(300));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread stuck =
        new Thread(
            () ->
                locks.inZone(
                    ZONE,
                    () -> {
                      holding.countDown();
                      try {
                        release.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return null;
                    }));
    stuck.start();
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();
    assertThatThrownBy(() -> locks.inZone(ZONE, () -> "never"))
        .isInstanceOfSatisfying(
            CdnProviderException.class, e -> assertThat(e.reason()).isEqualTo("ProviderBusy"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    release.countDown();
    stuck.join(10_000);
    assertThat(locks.inZone(ZONE, () -> "free again")).isEqualTo("free again");
  }

  @Test
  void theLocksAreAFixedSetWhateverTheZones() {
    ZoneLocks locks = new ZoneLocks(Duration.ofSeconds(1));
    for (int i = 0; i < 10_000; i++) {
      String zone = String.format("%032x", i);
      assertThat(locks.inZone(zone, () -> zone)).isEqualTo(zone);
    }
    assertThat(ZoneLocks.STRIPES).isEqualTo(64);
  }
}
