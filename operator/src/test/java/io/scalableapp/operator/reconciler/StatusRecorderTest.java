package io.scalableapp.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.scalableapp.engine.FloorDecision;
import io.scalableapp.engine.ForecastAccuracy;
import io.scalableapp.engine.ForecastSummary;
import io.scalableapp.engine.Reason;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.auto.AutoVerdict;
import io.scalableapp.engine.auto.AutoVerdict.Outcome;
import io.scalableapp.engine.auto.ReplayEvidence;
import io.scalableapp.engine.replay.frontier.SameCost;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.PredictionStatus;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.api.cdn.CdnStatus;
import io.scalableapp.operator.api.cdn.PurgeRecord;
import io.scalableapp.operator.cdn.CdnOutcome;
import io.scalableapp.operator.dependent.Pause;
import io.scalableapp.operator.events.RecordedEvents;
import io.scalableapp.operator.prediction.PredictionOutcome;
import io.scalableapp.operator.status.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 8: the informer can hand a reconciliation a status older than the operator's own
 * last write. Each test replays that: a write, then a reconciliation handed the snapshot from
 * before it.
 */
class StatusRecorderTest {
  private static final Instant NOW = Instant.parse("2026-01-08T10:00:00Z");
  private static final Duration RESYNC = Duration.ofSeconds(30);
  private static final ReplayEvidence EVIDENCE =
      new ReplayEvidence(
          NOW.minus(Duration.ofDays(6)),
          NOW,
          10080,
          new SameCost(410.3, 12, 57, SameCost.Position.WITHIN_FRONTIER),
          60,
          395);
  private final StatusRecorder recorder = new StatusRecorder(new KubernetesSerialization());
  private final RecordedEvents events = new RecordedEvents();

  private static ScalableApp app(String uid, String resourceVersion, ScalableAppStatus status) {
    ScalableApp app = TestApps.predicted("shop", "prod", 10);
    app.getMetadata().setUid(uid);
    app.getMetadata().setGeneration(1L);
    app.getMetadata().setResourceVersion(resourceVersion);
    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Auto);
    CdnSpec cdn = new CdnSpec();
    cdn.setProvider(CdnSpec.Provider.varnish);
    app.getSpec().setCdn(cdn);
    app.setStatus(status);
    return app;
  }

  /** A status as an earlier evaluation wrote it: floor {@code floor}, enforced. */
  private static ScalableAppStatus status(int floor) {
    ScalableAppStatus status = new ScalableAppStatus();
    status.setObservedGeneration(1L);
    PredictionStatus prediction = new PredictionStatus();
    prediction.setMode("Enforce");
    prediction.setRecommendedReplicas(floor);
    status.setPrediction(prediction);
    return status;
  }

  /**
   * A floor raise from 3 to 7 in Enforce, with Auto's promotion, as one evaluation hands it to the
   * reconciler.
   */
  private static PredictionOutcome raisedAndPromoted() {
    Recommendation r =
        new Recommendation(
            NOW,
            ScalingMode.ENFORCE,
            true,
            new FloorDecision(3, 7, 7, Reason.FORECAST),
            new ForecastSummary(30, 28, null, "", Duration.ofMinutes(3), null),
            new ForecastAccuracy(0.1, 40),
            true,
            "why",
            List.of());
    return new PredictionOutcome(
        r,
        null,
        new AutoVerdict(
            NOW,
            ScalingMode.ENFORCE,
            Outcome.PROMOTED,
            Optional.of(EVIDENCE),
            Duration.ofDays(7),
            Duration.ofDays(2),
            ""),
        null);
  }

  private static CdnOutcome purgedRevision(String revision) {
    CdnStatus cdn = new CdnStatus();
    cdn.setProvider("varnish");
    cdn.setAppliedVersion("abc");
    cdn.setPurgedRevision(revision);
    cdn.setLastPurge(
        new PurgeRecord("2026-01-08T09:59:00Z", "rollout to revision " + revision, "ban"));
    return new CdnOutcome(
        "varnish", Optional.of(cdn), true, "Applied", "VCL abc", Optional.empty());
  }

  /** What the API server answers to a status write: the status with a new resource version. */
  private static ScalableApp written(
      ScalableApp app, ScalableAppStatus status, String resourceVersion) {
    ScalableApp answer = app(app.getMetadata().getUid(), resourceVersion, status);
    answer.setSpec(app.getSpec());
    return answer;
  }

  @Test
  void newestWinsByResourceVersionAndPerUid() {
    ScalableAppStatus ours = status(7);
    ours.setReadyReplicas(7);
    recorder.record(app("u1", "20", ours));

    assertThat(recorder.newest(app("u1", "15", status(3)))).contains(ours);
    ScalableAppStatus later = status(8);
    later.setReadyReplicas(8);
    assertThat(recorder.newest(app("u1", "25", later))).containsSame(later);
    ScalableAppStatus otherApps = status(1);
    assertThat(recorder.newest(app("u2", "15", otherApps)))
        .as("a new app of the same name never sees the old one's status")
        .containsSame(otherApps);

    recorder.onResourceDeleted(app("u1", "30", null));
    assertThat(recorder.size()).isZero();
  }

  @Test
  void aResourceVersionThatIsNotANumberCountsAsOlder() {
    assertThat(StatusRecorder.olderThan("abc", "20")).isTrue();
    assertThat(StatusRecorder.olderThan("19", "20")).isTrue();
    assertThat(StatusRecorder.olderThan("20", "20")).isFalse();
  }

  /**
   * A floor raise with Auto's promotion and a purge is written; the next reconciliation, handed the
   * snapshot from before that write, fails (the workflow threw). The floor, Auto's mode and the
   * purge record stay, and the FloorRaised and PredictionPromoted Events are sent once.
   */
  @Test
  void aFailingReconcileRightAfterAFloorRaiseTakesNothingBack() {
    ScalableApp before = app("u1", "10", status(3));
    ScalableApp first = copy(before);
    recorder.refresh(first);
    StatusReport report =
        StatusReport.of(
            first,
            Optional.empty(),
            Optional.of(raisedAndPromoted()),
            List.of(purgedRevision("2")),
            Optional.empty(),
            events,
            RESYNC,
            NOW);
    recorder.record(written(first, report.status(), "11"));

    ScalableApp stale = copy(before); // the informer still has resource version 10
    recorder.refresh(stale);
    ScalableAppStatus failed =
        StatusReport.of(
                stale,
                Optional.empty(),
                Optional.of(raisedAndPromoted()),
                List.of(purgedRevision("2")),
                Optional.of(new IllegalStateException("the Deployment was refused")),
                events,
                RESYNC,
                NOW.plusSeconds(1))
            .status();

    assertThat(failed.getPrediction().getRecommendedReplicas()).isEqualTo(7);
    assertThat(failed.getPrediction().getAutoMode().getEffectiveMode()).isEqualTo("Enforce");
    assertThat(failed.getCdn().getPurgedRevision()).isEqualTo("2");
    assertThat(Conditions.find(failed.getConditions(), Conditions.READY).orElseThrow().getReason())
        .isEqualTo("ReconcileError");
    assertThat(events.normals).filteredOn(e -> e.startsWith("FloorRaised")).hasSize(1);
    assertThat(events.normals).filteredOn(e -> e.startsWith(AutoModeReporter.PROMOTED)).hasSize(1);
  }

  /**
   * After a pause started, a reconciliation handed the snapshot from before it neither repeats the
   * Event.
   */
  @Test
  void aStaleSnapshotRepeatsNoTransitionEvent() {
    ScalableApp before = app("u1", "10", status(3));
    before.getMetadata().setAnnotations(Map.of(Pause.PAUSED, "true"));
    ScalableApp first = copy(before);
    recorder.refresh(first);
    StatusReport report =
        StatusReport.of(
            first,
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            events,
            RESYNC,
            NOW);
    recorder.record(written(first, report.status(), "11"));

    ScalableApp stale = copy(before);
    recorder.refresh(stale);
    StatusReport.of(
        stale,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        events,
        RESYNC,
        NOW.plusSeconds(1));

    assertThat(events.normals).filteredOn(e -> e.startsWith(PauseReporter.PAUSED + ":")).hasSize(1);
  }

  private static ScalableApp copy(ScalableApp app) {
    return new KubernetesSerialization().clone(app);
  }
}
