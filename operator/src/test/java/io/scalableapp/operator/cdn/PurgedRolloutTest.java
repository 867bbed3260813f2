package io.scalableapp.operator.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.operator.api.cdn.CdnStatus;
import io.scalableapp.operator.api.cdn.PurgeRecord;
import org.junit.jupiter.api.Test;

class PurgedRolloutTest {
  static final PurgeRecord THIRD =
      new PurgeRecord("2026-11-29T11:00:00Z", "rollout to revision 3", "ban-3");

  @Test
  void theRecordRoundTripsThroughStatus() {
    CdnStatus recorded = new CdnStatus();
    new PurgedRollout(3, THIRD).writeTo(recorded);

    assertThat(PurgedRollout.fromStatus(recorded)).contains(new PurgedRollout(3, THIRD));
  }

  @Test
  void aRevisionThatIsNotANumberCountsAsNoneRecorded() {
    CdnStatus status = new CdnStatus();
    status.setPurgedRevision("three");
    assertThat(PurgedRollout.fromStatus(status)).isEmpty();
    assertThat(PurgedRollout.fromStatus(new CdnStatus())).isEmpty();
  }
}
