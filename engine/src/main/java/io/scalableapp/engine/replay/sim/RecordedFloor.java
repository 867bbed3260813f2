package io.scalableapp.engine.replay.sim;

import io.scalableapp.engine.replay.trace.Trace;
import java.time.Instant;

/**
 * A floor computed once per minute and replayed. A floor that depends only on the trace (the
 * engine's, which reads demand and never the cluster) can so be computed once and replayed under
 * any HPA, which is what makes the frontier and the HPA variants affordable. Asked for a minute, it
 * answers the floor set at that minute's start.
 */
public final class RecordedFloor implements FloorTimeline {

  private final Trace trace;
  private final int from;
  private final int[] floors;

  private RecordedFloor(Trace trace, int from, int[] floors) {
    this.trace = trace;
    this.from = from;
    this.floors = floors;
  }

  /** Floors already computed for the minutes {@code [from, from + floors.length)}. */
  public static RecordedFloor of(Trace trace, int from, int[] floors) {
    return new RecordedFloor(trace, from, floors.clone());
  }

  /**
   * Asks {@code source} for its floor at the start of every minute in {@code [from, to)}, in order.
   */
  public static RecordedFloor record(FloorTimeline source, Trace trace, int from, int to) {
    int[] floors = new int[to - from];
    for (int m = from; m < to; m++) {
      floors[m - from] = source.minReplicasAt(trace.instant(m));
    }
    return new RecordedFloor(trace, from, floors);
  }

  @Override
  public int minReplicasAt(Instant now) {
    int i = trace.indexOf(now) - from;
    return floors[Math.max(0, Math.min(floors.length - 1, i))];
  }
}
