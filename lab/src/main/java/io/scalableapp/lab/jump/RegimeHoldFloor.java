package io.scalableapp.lab.jump;

import io.scalableapp.engine.replay.trace.Trace;
import java.util.Locale;

/**
 * A regime-change detector: a minute whose demand exceeds {@code jumpRatio} x the mean of the
 * {@code levelMinutes} before it marks a jumpy regime. For {@code holdMinutes} after the last such jump the floor
 * keeps capacity for {@code peakFactor} x the peak seen over that time; when the regime stays calm, no floor.
 */
public record RegimeHoldFloor(double jumpRatio, int levelMinutes, int holdMinutes, double peakFactor)
        implements JumpFloor {

    @Override
    public String label() {
        return String.format(Locale.ROOT, "regime hold: jump > x%.2f, hold %d min at %.2f x peak", jumpRatio,
                holdMinutes, peakFactor);
    }

    @Override
    public int[] floors(Trace trace, int from, int to, double capacityPerReplica, int horizonMinutes) {
        DemandHistory history = new DemandHistory(trace);
        int[] floors = new int[to - from];
        int lastJump = -1; // none yet
        for (int j = Math.max(1, from - holdMinutes); j < from; j++) {
            if (isJump(trace, history, j)) {
                lastJump = j;
            }
        }
        for (int m = from; m < to; m++) {
            if (m >= 1 && isJump(trace, history, m - 1)) {
                lastJump = m - 1;
            }
            if (lastJump < 0 || m - lastJump > holdMinutes) {
                floors[m - from] = 1;
                continue;
            }
            double peak = 0;
            for (int i = Math.max(0, m - holdMinutes); i < m; i++) {
                if (trace.observed(i)) {
                    peak = Math.max(peak, trace.demand(i));
                }
            }
            floors[m - from] = JumpFloor.replicasFor(peakFactor * peak, capacityPerReplica);
        }
        return floors;
    }

    private boolean isJump(Trace trace, DemandHistory history, int j) {
        if (!trace.observed(j)) {
            return false;
        }
        double level = history.meanBefore(j, levelMinutes);
        return level > 0 && trace.demand(j) > jumpRatio * level;
    }
}
