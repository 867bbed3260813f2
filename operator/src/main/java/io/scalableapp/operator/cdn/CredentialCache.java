package io.scalableapp.operator.cdn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * API tokens read from the Secrets apps name, kept for a short while so the apps sharing a Secret,
 * and an app's reconciles, cost one GET per {@code maxAge} rather than one each; read by name (no
 * list or watch on Secrets, and no cache of every Secret in the cluster). A rotated token is picked
 * up within {@code maxAge}, or at once when the provider refuses the old one ({@link #forget}).
 * Entries past their age are dropped.
 */
public final class CredentialCache {
  public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(30);
  private final Duration maxAge;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  private record Entry(String token, Instant readAt) {
    @Override
    public String toString() {
      return "Entry[token=<redacted>, readAt=" + readAt + "]";
    }
  }

  public CredentialCache(Duration maxAge, Clock clock) {
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** The token of {@code namespace/secret[key]}: kept, or read with {@code read}. */
  String token(String namespace, String secret, String key, Supplier<String> read) {
    Instant now = clock.instant();
    entries.values().removeIf(e -> Duration.between(e.readAt(), now).compareTo(maxAge) >= 0);
    Entry entry = entries.get(id(namespace, secret, key));
    if (entry != null) {
      return entry.token();
    }
    String token = read.get();
    entries.put(id(namespace, secret, key), new Entry(token, now));
    return token;
  }

  /** The provider refused the token: read the Secret again next time. */
  void forget(String namespace, String secret, String key) {
    entries.remove(id(namespace, secret, key));
  }

  int size() {
    return entries.size();
  }

  private static String id(String namespace, String secret, String key) {
    return namespace + "/" + secret + "/" + key;
  }
}
