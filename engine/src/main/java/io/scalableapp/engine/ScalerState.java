package io.scalableapp.engine;

import io.scalableapp.engine.decision.AccuracyGate;
import io.scalableapp.engine.decision.ForecastAccuracyTracker;
import io.scalableapp.engine.decision.PeakResidualTracker;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.decision.TimedHistory;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the engine remembers about one app between evaluations. The caller owns it (one per
 * app) and passes it to every {@link PredictiveScaler#evaluate} call, so the operator and the lab's
 * replay drive identical logic. Not thread-safe: evaluate one app at a time.
 */
public final class ScalerState {

    private final ReadyLatencyEstimator readyLatency;
    private final ForecastAccuracyTracker accuracy = new ForecastAccuracyTracker();
    private final PeakResidualTracker peakResiduals = new PeakResidualTracker();
    private final AccuracyGate gate = new AccuracyGate();
    private final TimedHistory recommendations = new TimedHistory();
    private final TimedHistory floors = new TimedHistory();
    private Integer lastFloor;
    private Instant lastGoodMetricsAt;
    private Recommendation lastRecommendation;
    private ModelChoice modelChoice;

    public ScalerState() {
        this(new ReadyLatencyEstimator());
    }

    public ScalerState(ReadyLatencyEstimator readyLatency) {
        this.readyLatency = readyLatency;
    }

    /** Feed observed pod start-to-ready durations here; the default horizon follows their p95. */
    public ReadyLatencyEstimator readyLatency() {
        return readyLatency;
    }

    public OptionalInt lastFloor() {
        return lastFloor == null ? OptionalInt.empty() : OptionalInt.of(lastFloor);
    }

    public Optional<Instant> lastGoodMetricsAt() {
        return Optional.ofNullable(lastGoodMetricsAt);
    }

    public Optional<Recommendation> lastRecommendation() {
        return Optional.ofNullable(lastRecommendation);
    }

    /** Whether the accuracy gate currently trusts the forecast. */
    public boolean forecastTrusted() {
        return gate.isOpen();
    }

    /**
     * Continues from a floor recorded elsewhere (e.g. the custom resource status after an operator
     * restart) instead of starting from replicas.min; treated as decided on good metrics at
     * {@code at}, so a metrics outage right after a restart still holds it.
     */
    public void restoreFloor(int floor, Instant at) {
        lastFloor = floor;
        lastGoodMetricsAt = at;
        floors.add(at, floor);
        recommendations.add(at, floor);
    }

    ForecastAccuracyTracker accuracy() {
        return accuracy;
    }

    PeakResidualTracker peakResiduals() {
        return peakResiduals;
    }

    AccuracyGate gate() {
        return gate;
    }

    TimedHistory recommendations() {
        return recommendations;
    }

    TimedHistory floors() {
        return floors;
    }

    ModelChoice modelChoice() {
        return modelChoice;
    }

    void modelChoice(ModelChoice choice) {
        modelChoice = choice;
    }

    void metricsGood(Instant at) {
        lastGoodMetricsAt = at;
    }

    void record(Recommendation r) {
        lastFloor = r.floor();
        lastRecommendation = r;
    }
}
