package io.scalableapp.lab.jump;

import io.scalableapp.engine.decision.SurgeHold;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.engine.replay.trace.TraceRecording;
import io.scalableapp.engine.series.Series;
import java.util.Locale;

/**
 * The engine's {@link SurgeHold}, replayed minute by minute on the demand the engine would have
 * fetched by then. It sizes replicas at targetPerReplica, i.e. at {@code targetUtilization} of a
 * replica's full capacity, as the operator's floor does.
 */
public record SurgeHoldFloor(SurgeHold hold, double targetUtilization) implements JumpFloor {

  @Override
  public String label() {
    return String.format(
        Locale.ROOT,
        "surge hold: jump > x%.2f, hold %d min",
        hold.jumpRatio(),
        hold.holdFor().toMinutes());
  }

  @Override
  public int[] floors(
      Trace trace, int from, int to, double capacityPerReplica, int horizonMinutes) {
    Series recorded = TraceRecording.of(trace);
    double targetPerReplica = capacityPerReplica * targetUtilization;
    // Points the hold can read at minute m: those completed by its start, back to its reach (plus
    // one step).
    int reach = (int) hold.reach().toMinutes() + 1;
    int[] floors = new int[to - from];
    for (int m = from; m < to; m++) {
      Series known = recorded.slice(Math.max(0, m - reach), Math.min(m, recorded.size()));
      floors[m - from] =
          hold.at(known, targetPerReplica, trace.instant(m))
              .map(h -> Math.max(1, h.replicas()))
              .orElse(1);
    }
    return floors;
  }
}
