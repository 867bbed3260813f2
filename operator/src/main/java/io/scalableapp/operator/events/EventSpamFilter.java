package io.scalableapp.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * client-go's EventSourceObjectSpamFilter: a token bucket per involved object (burst 25, one more
 * token every 5 minutes), so an object whose state flaps cannot flood the API server with Events.
 * Every Event it drops is counted and logged, never lost silently.
 */
final class EventSpamFilter {
  static final int BURST = 25;
  static final Duration REFILL_EVERY = Duration.ofMinutes(5);
  static final String DROPPED_METRIC = "scalableapp_events_dropped";
  private static final int MAX_TRACKED_OBJECTS = 4096;
  private static final Logger LOG = LoggerFactory.getLogger(EventSpamFilter.class);

  private final Clock clock;
  private final MeterRegistry registry;
  private final BoundedLruMap<String, TokenBucket> buckets =
      new BoundedLruMap<>(MAX_TRACKED_OBJECTS);

  EventSpamFilter(Clock clock, MeterRegistry registry) {
    this.clock = clock;
    this.registry = registry;
  }

  /**
   * Takes a token from the subject's bucket; false (counted and logged) when the bucket is empty.
   */
  synchronized boolean admit(HasMetadata subject, String reason) {
    Instant now = clock.instant();
    TokenBucket bucket =
        buckets.computeIfAbsent(objectKey(subject), k -> new TokenBucket(BURST, now));
    if (bucket.tryTake(now)) {
      return true;
    }
    Counter.builder(DROPPED_METRIC)
        .description(
            "Events not written because their object exceeded the event rate limit (burst "
                + BURST
                + ", then one per "
                + REFILL_EVERY.toMinutes()
                + " minutes)")
        .tag("reason", reason)
        .register(registry)
        .increment();
    LOG.debug(
        "Dropped event {} on {} {}/{}: rate limit reached",
        reason,
        subject.getKind(),
        subject.getMetadata().getNamespace(),
        subject.getMetadata().getName());
    return false;
  }

  private static String objectKey(HasMetadata subject) {
    var meta = subject.getMetadata();
    return String.join(
        "/",
        subject.getApiVersion(),
        subject.getKind(),
        String.valueOf(meta.getNamespace()),
        meta.getName(),
        String.valueOf(meta.getUid()));
  }

  /** Tokens refill continuously at one per REFILL_EVERY, up to the burst. */
  private static final class TokenBucket {
    private final int capacity;
    private double tokens;
    private Instant refilledAt;

    TokenBucket(int capacity, Instant now) {
      this.capacity = capacity;
      this.tokens = capacity;
      this.refilledAt = now;
    }

    boolean tryTake(Instant now) {
      double elapsed = Math.max(0, Duration.between(refilledAt, now).toMillis());
      tokens = Math.min(capacity, tokens + elapsed / REFILL_EVERY.toMillis());
      refilledAt = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }
}
