package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PredictionSchedulerTest {
  private static final Duration INTERVAL = Duration.ofMillis(20);
  private static final ResourceID SHOP = new ResourceID("shop", "prod");
  private final Map<ResourceID, AtomicInteger> runs = new ConcurrentHashMap<>();
  private PredictionScheduler scheduler;

  @AfterEach
  void close() {
    scheduler.close();
  }

  private int runsOf(ResourceID app) {
    return runs.computeIfAbsent(app, k -> new AtomicInteger()).get();
  }

  private void count(ResourceID app) {
    runs.computeIfAbsent(app, k -> new AtomicInteger()).incrementAndGet();
  }

  @Test
  void aRunThatThrowsDoesNotEndTheAppsSchedule() {
    scheduler =
        new PredictionScheduler(
            INTERVAL,
            1,
            Duration.ofSeconds(5),
            app -> {
              count(app);
              throw new IllegalStateException("boom");
            });
    scheduler.activate();
    scheduler.register(SHOP);

    await().atMost(Duration.ofSeconds(10)).until(() -> runsOf(SHOP) >= 3);
  }

  @Test
  void aRunThatErrsDoesNotEndTheAppsSchedule() {
    scheduler =
        new PredictionScheduler(
            INTERVAL,
            1,
            Duration.ofSeconds(5),
            app -> {
              count(app);
              throw new StackOverflowError();
            });
    scheduler.activate();
    scheduler.register(SHOP);

    await().atMost(Duration.ofSeconds(10)).until(() -> runsOf(SHOP) >= 3);
  }

  @Test
  void aSlowAppHoldsOnlyItsOwnWorker() throws Exception {
    ResourceID slow = new ResourceID("slow", "prod");
    CountDownLatch release = new CountDownLatch(1);
    scheduler =
        new PredictionScheduler(
            INTERVAL,
            2,
            Duration.ofMinutes(1),
            app -> {
              count(app);
              if (app.equals(slow)) {
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            });
    scheduler.activate();
    scheduler.register(slow);
    scheduler.register(SHOP);

    await().atMost(Duration.ofSeconds(10)).until(() -> runsOf(SHOP) >= 5);
    assertThat(runsOf(slow)).isEqualTo(1);
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> runsOf(slow) >= 2);
  }

  @Test
  void concurrencyBoundsHowManyAppsRunAtOnce() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    scheduler =
        new PredictionScheduler(
            INTERVAL,
            2,
            Duration.ofSeconds(5),
            app -> {
              mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              try {
                Thread.sleep(30); // work that takes a while, so runs of different apps overlap
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                inFlight.decrementAndGet();
                count(app);
              }
            });
    scheduler.activate();
    for (int i = 0; i < 6; i++) {
      scheduler.register(new ResourceID("app-" + i, "prod"));
    }

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> runs.values().stream().allMatch(n -> n.get() >= 2) && runs.size() == 6);
    assertThat(mostInFlight.get()).isEqualTo(2);
  }

  @Test
  void aRunPastTheTimeoutIsInterrupted() {
    AtomicInteger interrupted = new AtomicInteger();
    scheduler =
        new PredictionScheduler(
            INTERVAL,
            1,
            Duration.ofMillis(100),
            app -> {
              count(app);
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                interrupted.incrementAndGet();
              }
            });
    scheduler.activate();
    scheduler.register(SHOP);

    await().atMost(Duration.ofSeconds(10)).until(() -> interrupted.get() >= 2);
  }

  @Test
  void nothingRunsUntilActivatedAndUnregisteredAppsStop() {
    scheduler = new PredictionScheduler(INTERVAL, 1, Duration.ofSeconds(5), this::count);
    scheduler.register(SHOP);
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(1))
        .until(() -> runsOf(SHOP) == 0);

    scheduler.activate();
    await().atMost(Duration.ofSeconds(10)).until(() -> runsOf(SHOP) >= 2);
    scheduler.unregister(SHOP);
    int atUnregister = runsOf(SHOP);
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(1))
        .until(() -> runsOf(SHOP) <= atUnregister + 1);
    assertThat(scheduler.registered()).isZero();
  }
}
