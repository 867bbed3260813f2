package io.scalableapp.operator.cdn;

import io.scalableapp.operator.api.cdn.CdnStatus;
import io.scalableapp.operator.api.cdn.PurgeRecord;
import java.util.Optional;

/**
 * The rollout revision the CDN was last purged for (or first seen at), with the purge that went
 * with it, in status.cdn.
 */
record PurgedRollout(long revision, PurgeRecord lastPurge) {

  static Optional<PurgedRollout> fromStatus(CdnStatus status) {
    return number(status.getPurgedRevision()).map(r -> new PurgedRollout(r, status.getLastPurge()));
  }

  void writeTo(CdnStatus status) {
    status.setPurgedRevision(String.valueOf(revision));
    status.setLastPurge(lastPurge);
  }

  static Optional<Long> number(String text) {
    if (text == null) return Optional.empty();
    try {
      return Optional.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
