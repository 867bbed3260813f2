package io.scalableapp.lab.predictive;

import io.scalableapp.engine.replay.sim.RecordedFloor;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.Scenario;
import java.util.Optional;

/**
 * The floor the engine set, minute by minute, over one scenario's simulated minutes, and how
 * accurate the forecasts behind it were. The engine reads only the trace, so one recording serves
 * every HPA it is combined with.
 */
public record EngineFloor(
    Scenario scenario,
    PolicyKind kind,
    String label,
    RecordedFloor floor,
    Optional<ForecastScorer.Score> forecast) {}
