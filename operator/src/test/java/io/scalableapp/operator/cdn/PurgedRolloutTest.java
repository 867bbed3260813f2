package io.scalableapp.operator.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.operator.api.cdn.CdnStatus;
import io.scalableapp.operator.api.cdn.PurgeRecord;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PurgedRolloutTest {
  static final PurgeRecord SECOND = new PurgeRecord("2026-11-29T10:00:00Z", "rollout to revision 2", "ban-2");
  static final PurgeRecord THIRD = new PurgeRecord("2026-11-29T11:00:00Z", "rollout to revision 3", "ban-3");

  @Test
  void aStaleStatusNeverWinsOverWhatThisProcessPurgedSince() {
    CdnStatus stale = new CdnStatus();
    new PurgedRollout(2, SECOND).writeTo(stale);

    Optional<PurgedRollout> known = PurgedRollout.newer(PurgedRollout.fromStatus(stale),
        Optional.of(new PurgedRollout(3, THIRD)));
    known.get().writeTo(stale);

    assertThat(stale.getPurgedRevision()).isEqualTo("3");
    assertThat(stale.getLastPurge()).isEqualTo(THIRD);
  }

  @Test
  void theRecordedRolloutWinsAfterARestartEmptiedTheMemory() {
    CdnStatus recorded = new CdnStatus();
    new PurgedRollout(3, THIRD).writeTo(recorded);

    assertThat(PurgedRollout.newer(PurgedRollout.fromStatus(recorded), Optional.empty()))
        .contains(new PurgedRollout(3, THIRD));
    assertThat(PurgedRollout.newer(PurgedRollout.fromStatus(recorded), Optional.of(new PurgedRollout(2, SECOND))))
        .contains(new PurgedRollout(3, THIRD));
  }

  @Test
  void aRevisionThatIsNotANumberCountsAsNoneRecorded() {
    CdnStatus status = new CdnStatus();
    status.setPurgedRevision("three");
    assertThat(PurgedRollout.fromStatus(status)).isEmpty();
    assertThat(PurgedRollout.fromStatus(new CdnStatus())).isEmpty();
  }
}
