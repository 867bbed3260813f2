package io.scalableapp.operator.cdn.cloudflare;

import io.scalableapp.operator.cdn.CdnProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's share of Cloudflare's API rate limit (1,200 requests per 5 minutes per user), per
 * token: a token bucket refilled evenly over the window. A call past it is not sent; it fails as
 * RateLimited with the wait until the bucket has a request again, like Cloudflare's own 429, so one
 * busy token never draws a real 429 that would stop every app using it. Buckets idle long enough to
 * be full again are dropped, so memory follows the tokens in use.
 */
final class RequestBudget {
  /** Below Cloudflare's 1,200: the dashboard, Terraform and other tools share the same limit. */
  static final int DEFAULT_REQUESTS = 1000;

  static final Duration WINDOW = Duration.ofMinutes(5);
  private final int capacity;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RequestBudget(int capacity, Clock clock) {
    this.capacity = capacity;
    this.clock = clock;
  }

  private static final class Bucket {
    double available;
    Instant updated;

    Bucket(double available, Instant updated) {
      this.available = available;
      this.updated = updated;
    }
  }

  /**
   * Takes one request from the budget of {@code tokenKey} (a hash of the token), or throws
   * RateLimited.
   */
  void take(String tokenKey) {
    Instant now = clock.instant();
    double perSecond = capacity / (double) WINDOW.toSeconds();
    Optional<Duration> wait;
    Bucket bucket = buckets.computeIfAbsent(tokenKey, k -> new Bucket(capacity, now));
    synchronized (bucket) {
      double elapsed = Math.max(0, Duration.between(bucket.updated, now).toMillis() / 1000.0);
      bucket.available = Math.min(capacity, bucket.available + elapsed * perSecond);
      bucket.updated = now;
      if (bucket.available >= 1) {
        bucket.available -= 1;
        wait = Optional.empty();
      } else {
        wait =
            Optional.of(
                Duration.ofMillis((long) Math.ceil((1 - bucket.available) / perSecond * 1000)));
      }
    }
    dropFullBuckets(now, perSecond);
    wait.ifPresent(
        w -> {
          throw new CdnProviderException(
              "RateLimited",
              "the operator's budget of "
                  + capacity
                  + " Cloudflare requests "
                  + "per "
                  + WINDOW.toMinutes()
                  + " minutes for this token is spent; the next call in "
                  + Math.max(1, w.toSeconds())
                  + "s",
              Optional.of(w.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : w));
        });
  }

  /** Buckets untouched for a whole window are full: keeping them would only grow the map. */
  private void dropFullBuckets(Instant now, double perSecond) {
    if (buckets.size() < 64) {
      return;
    }
    buckets
        .entrySet()
        .removeIf(e -> Duration.between(e.getValue().updated, now).compareTo(WINDOW) > 0);
  }

  int tracked() {
    return buckets.size();
  }
}
