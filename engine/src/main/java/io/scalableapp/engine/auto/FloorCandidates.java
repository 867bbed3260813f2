package io.scalableapp.engine.auto;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.replay.sim.EngineFloorSchedule;
import io.scalableapp.engine.replay.sim.FloorSchedule;
import io.scalableapp.engine.replay.sim.RecordedFloor;
import io.scalableapp.engine.replay.trace.Trace;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The floor families the engine has today, set up for one app. */
public final class FloorCandidates {

    /** The forecast floor's family name. */
    public static final String FORECAST = "Forecast";

    private FloorCandidates() {
    }

    /** No floor: replicas.min, so the HPA alone scales. */
    public static FloorCandidate none(int minReplicas) {
        return new None(minReplicas);
    }

    /**
     * The engine's forecast floor with the app's own settings (margin, horizon, schedules, limits), replayed as it
     * would have run live, re-evaluated every {@code replayInterval}.
     */
    public static FloorCandidate forecast(AppScalingSpec spec, ReadyLatencyEstimator readyLatency,
                                          Duration replayInterval, ForecasterFactory forecasters) {
        AppScalingSpec replayed = spec.toBuilder().mode(ScalingMode.ENFORCE).step(Duration.ofMinutes(1)).build();
        return new FloorCandidate() {
            @Override
            public String name() {
                return FORECAST;
            }

            @Override
            public String knobs() {
                return "";
            }

            @Override
            public RecordedFloor floorOver(Trace trace) {
                EngineFloorSchedule engine = new EngineFloorSchedule(replayed, new ScalerState(readyLatency), trace,
                        replayInterval, Optional.empty(), forecasters);
                FloorSchedule interruptible = now -> {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("the replay was interrupted");
                    }
                    return engine.minReplicasAt(now);
                };
                return RecordedFloor.record(interruptible.max(FloorSchedule.constant(spec.minReplicas())), trace, 0,
                        trace.length());
            }
        };
    }

    private record None(int minReplicas) implements FloorCandidate {
        @Override
        public String name() {
            return NONE;
        }

        @Override
        public String knobs() {
            return "";
        }

        @Override
        public RecordedFloor floorOver(Trace trace) {
            int[] floors = new int[trace.length()];
            Arrays.fill(floors, minReplicas);
            return RecordedFloor.of(trace, 0, floors);
        }
    }
}
