package io.scalableapp.operator.cdn;

import io.scalableapp.operator.api.cdn.CdnStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * What one provider's dependent found and did in this reconciliation, for the reconciler to turn
 * into status.cdn and the CdnReady condition. {@code status} empty: the provider holds nothing for
 * the app any more.
 */
public record CdnOutcome(
    String provider,
    Optional<CdnStatus> status,
    boolean ready,
    String reason,
    String message,
    Optional<Duration> retryAfter) {

  /** The key one provider's outcome is stored under in the reconciliation's workflow context. */
  public static String key(String provider) {
    return "cdn-outcome-" + provider;
  }

  static CdnOutcome ready(String provider, CdnStatus status, String message) {
    return new CdnOutcome(
        provider, Optional.of(status), true, "Applied", message, Optional.empty());
  }

  static CdnOutcome failed(
      String provider, CdnStatus status, String reason, String message, Duration retryAfter) {
    return new CdnOutcome(
        provider, Optional.of(status), false, reason, message, Optional.of(retryAfter));
  }

  static CdnOutcome refused(String provider, CdnStatus status, String reason, String message) {
    return new CdnOutcome(provider, Optional.of(status), false, reason, message, Optional.empty());
  }

  static CdnOutcome removed(String provider) {
    return new CdnOutcome(
        provider,
        Optional.empty(),
        true,
        "Removed",
        "nothing left at " + provider,
        Optional.empty());
  }
}
