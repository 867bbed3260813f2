package io.scalableapp.operator.cdn.cloudflare;

import io.scalableapp.operator.cdn.CdnTarget.CloudflareAccess;
import io.scalableapp.operator.cdn.ConfigHash;
import io.scalableapp.operator.cdn.cloudflare.CloudflareApi.Ruleset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A zone's entry point ruleset as last read or written, shared by every app of the zone (and token)
 * for a short while: N apps checking one zone for drift cost one GET per {@code maxAge}, not N.
 * Only ever used to find that nothing needs writing; a write always starts from a fresh read, so a
 * change made elsewhere is never overwritten.
 */
final class SharedReads {
  static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(10);
  private final Duration maxAge;
  private final Clock clock;
  private final Map<String, Read> reads = new ConcurrentHashMap<>();

  private record Read(Optional<Ruleset> ruleset, Instant at) {}

  SharedReads(Duration maxAge, Clock clock) {
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** The zone's ruleset read or written less than {@code maxAge} ago, if any. */
  Optional<Optional<Ruleset>> fresh(CloudflareAccess zone) {
    Read read = reads.get(key(zone));
    Instant now = clock.instant();
    if (read == null || Duration.between(read.at(), now).compareTo(maxAge) >= 0) {
      reads
          .values()
          .removeIf(r -> Duration.between(r.at(), now).compareTo(maxAge.multipliedBy(6)) > 0);
      return Optional.empty();
    }
    return Optional.of(read.ruleset());
  }

  void remember(CloudflareAccess zone, Optional<Ruleset> ruleset) {
    reads.put(key(zone), new Read(ruleset, clock.instant()));
  }

  private static String key(CloudflareAccess zone) {
    // The token counts: another token may see the zone differently, or not at all.
    return zone.apiBaseUrl()
        + "|"
        + zone.zoneId()
        + "|"
        + ConfigHash.of(String.valueOf(zone.apiToken()));
  }
}
