package io.scalableapp.operator.reconciler;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.cdn.CdnOutcome;
import io.scalableapp.operator.events.EventRecorder;
import io.scalableapp.operator.prediction.PredictionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One reconciliation's status, whether it succeeded or failed, and the Events for what changed
 * since the app's status (the newest, see {@link StatusRecorder}) was written.
 *
 * @param recheck when the CDN wants looking at again, if at all
 */
record StatusReport(ScalableAppStatus status, Optional<Duration> recheck) {

  static StatusReport of(
      ScalableApp app,
      Optional<Deployment> deployment,
      Optional<PredictionOutcome> prediction,
      List<CdnOutcome> cdnOutcomes,
      Optional<Exception> error,
      EventRecorder events,
      Duration cdnResync,
      Instant now) {
    ScalableAppStatus status = StatusAggregator.aggregate(app, deployment, error, now);
    PredictionReporter.report(app, prediction, status, events, now);
    PauseReporter.report(app, deployment, status, events, now);
    TuningReporter.report(app, prediction, status, events, now);
    Optional<Duration> recheck = CdnReporter.report(app, cdnOutcomes, status, cdnResync, now);
    return new StatusReport(status, recheck);
  }

  /** {@code reported}, as reconcile() reported it, with the failure that came after it. */
  static ScalableAppStatus failedAfter(
      ScalableApp app,
      ScalableAppStatus reported,
      Optional<Deployment> deployment,
      Exception error,
      Instant now) {
    ScalableApp asReported = new ScalableApp();
    asReported.setMetadata(app.getMetadata());
    asReported.setSpec(app.getSpec());
    asReported.setStatus(reported);
    ScalableAppStatus status =
        StatusAggregator.aggregate(asReported, deployment, Optional.of(error), now);
    status.setPrediction(reported.getPrediction());
    status.setCdn(reported.getCdn());
    status.setTuning(reported.getTuning());
    return status;
  }
}
