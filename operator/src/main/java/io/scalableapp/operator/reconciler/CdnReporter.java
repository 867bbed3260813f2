package io.scalableapp.operator.reconciler;

import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.cdn.CdnOutcome;
import io.scalableapp.operator.status.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Turns the CDN dependents' outcomes into status.cdn and the CdnReady condition. */
public final class CdnReporter {
  private CdnReporter() {}

  /**
   * Reports the outcome that matters: the provider spec.cdn names, else one still removing what it
   * made; with neither while spec.cdn names a provider, status.cdn and CdnReady stay as written.
   * Returns when to look again: at the provider's Retry-After or the backoff after a failure, else
   * at {@code resync} while a CDN is configured (drift repair), else never.
   */
  public static Optional<Duration> report(
      ScalableApp app,
      List<CdnOutcome> outcomes,
      ScalableAppStatus status,
      Duration resync,
      Instant now) {
    long generation = Objects.requireNonNullElse(app.getMetadata().getGeneration(), 0L);
    var cdn = app.getSpec().getCdn();
    String wanted = cdn == null ? null : cdn.getProvider().name();
    Optional<CdnOutcome> shown =
        outcomes.stream()
            .filter(o -> o.provider().equals(wanted))
            .findFirst()
            .or(() -> outcomes.stream().filter(o -> o.status().isPresent()).findFirst());
    if (shown.isEmpty() && wanted != null) {
      // The provider's dependent did not run (the workflow failed or stopped before it): keep what
      // was last written, so its purge bookkeeping survives and the next run purges what is due.
      status.setCdn(app.getStatus() == null ? null : app.getStatus().getCdn());
      return Optional.of(resync);
    }
    if (shown.isEmpty() || shown.get().status().isEmpty()) {
      status.setCdn(null);
      status.setConditions(Conditions.remove(status.getConditions(), Conditions.CDN_READY));
      return Optional.empty();
    }
    CdnOutcome outcome = shown.get();
    status.setCdn(outcome.status().get());
    status.setConditions(
        Conditions.set(
            status.getConditions(),
            Conditions.CDN_READY,
            outcome.ready(),
            outcome.reason(),
            outcome.message(),
            generation,
            now));
    return outcome
        .retryAfter()
        .or(() -> wanted == null ? Optional.empty() : Optional.of(resync))
        .map(d -> d.isNegative() || d.isZero() ? Duration.ofSeconds(1) : d);
  }
}
