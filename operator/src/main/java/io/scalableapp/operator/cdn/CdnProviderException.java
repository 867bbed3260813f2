package io.scalableapp.operator.cdn;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call failed. {@code reason} is the CdnReady condition's reason (CamelCase, e.g.
 * AuthenticationFailed, RateLimited, ProviderUnreachable); the message is a sentence for a person
 * and never contains a secret; {@code retryAfter} is how long the provider asked us to wait, if it
 * said.
 */
public class CdnProviderException extends RuntimeException {
  private final String reason;
  private final Optional<Duration> retryAfter;

  public CdnProviderException(String reason, String message, Optional<Duration> retryAfter) {
    super(message);
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public CdnProviderException(String reason, String message) {
    this(reason, message, Optional.empty());
  }

  public String reason() {
    return reason;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
