package io.scalableapp.operator.cdn;

import io.scalableapp.operator.api.cdn.CdnStatus;
import io.scalableapp.operator.api.cdn.PurgeRecord;
import java.util.Optional;

/**
 * The rollout revision the CDN was last purged for (or first seen at), with the purge that went with it. Kept in
 * status.cdn and in memory: a reconcile can still see the app's status from before our last write, and must neither
 * purge that rollout again nor write the older record back.
 */
record PurgedRollout(long revision, PurgeRecord lastPurge) {

  static Optional<PurgedRollout> fromStatus(CdnStatus status) {
    return number(status.getPurgedRevision()).map(r -> new PurgedRollout(r, status.getLastPurge()));
  }

  /** The later of the two; the recorded one when they name the same revision. */
  static Optional<PurgedRollout> newer(Optional<PurgedRollout> recorded, Optional<PurgedRollout> remembered) {
    if (recorded.isEmpty()) return remembered;
    if (remembered.isEmpty()) return recorded;
    return remembered.get().revision() > recorded.get().revision() ? remembered : recorded;
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
