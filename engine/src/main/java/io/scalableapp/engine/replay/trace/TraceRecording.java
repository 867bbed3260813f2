package io.scalableapp.engine.replay.trace;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.replay.trace.Trace;
import java.time.Duration;

/**
 * A trace as the engine's metrics would show it: one point per minute, masked minutes NaN (missing, never
 * zero), and each minute's count stamped at the minute's <em>end</em>, when it is complete. A Prometheus rate
 * at time t likewise covers the window ending at t; stamping at the start would leak up to a minute of the
 * future into a replay.
 */
public final class TraceRecording {

    private TraceRecording() {
    }

    public static Series of(Trace trace) {
        double[] values = new double[trace.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = trace.observed(i) ? trace.demand(i) : Double.NaN;
        }
        return Series.of(trace.instant(0).plus(Duration.ofMinutes(1)), Duration.ofMinutes(1), values);
    }
}
