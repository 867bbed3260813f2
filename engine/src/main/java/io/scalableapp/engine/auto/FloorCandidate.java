package io.scalableapp.engine.auto;

import io.scalableapp.engine.replay.sim.RecordedFloor;
import io.scalableapp.engine.replay.trace.Trace;

/**
 * A floor family the policy search may put under the HPA, with its knobs already set. Its floor
 * depends on the demand alone, never on the replayed cluster, so the search records it once and
 * replays it under every HPA it tries.
 */
public interface FloorCandidate {

  /** The family of no floor: the HPA alone, at replicas.min. */
  String NONE = "None";

  /** The family's name, as status shows it. */
  String name();

  /** The knobs in words; empty when it has none. */
  String knobs();

  /**
   * The floor at the start of every minute of {@code trace}, each computed from the demand before
   * it only.
   *
   * @throws IllegalStateException when the thread is interrupted (a search past its timeout)
   */
  RecordedFloor floorOver(Trace trace);
}
