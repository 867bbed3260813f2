package io.scalableapp.engine;

import io.scalableapp.engine.decision.ForecastAccuracyTracker;
import io.scalableapp.engine.forecast.Forecast;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every AUTO candidate's forecasts at the scaler's lead, scored against the actuals as they arrive, over the last
 * {@link #WINDOW}. A day of one-per-evaluation origins judges the candidates on every hour of the day, where a
 * backtest affordable within one evaluation sees a handful. Not part of the snapshot: after a restart it
 * refills within {@link #WINDOW}, and AUTO falls back to its backtest until then.
 */
final class LiveModelScores {

    static final Duration WINDOW = Duration.ofDays(1);
    /** Scored forecasts each candidate needs before the live scores decide: an hour of evaluations. */
    static final int MIN_SAMPLES = 60;

    private final Map<ForecastModel, ForecastAccuracyTracker> trackers = new EnumMap<>(ForecastModel.class);

    /** Scores what has arrived in {@code history} and forgets scores older than the window. */
    void reconcile(Series history, Instant now) {
        for (ForecastAccuracyTracker t : trackers.values()) {
            t.reconcile(history);
            t.trim(now, WINDOW);
        }
    }

    /** Remembers a candidate's forecast at the lead (its last point). */
    void expect(Forecast f) {
        int last = f.size() - 1;
        trackers.computeIfAbsent(f.model(), m -> new ForecastAccuracyTracker()).expect(f.timeAt(last), f.get(last));
    }

    /**
     * WAPE of each candidate over the window, in candidate order, when every one has {@link #MIN_SAMPLES} scored
     * forecasts; empty otherwise.
     */
    Optional<Map<ForecastModel, Double>> wapes(List<ForecastModel> candidates) {
        Map<ForecastModel, Double> out = new LinkedHashMap<>();
        for (ForecastModel m : candidates) {
            ForecastAccuracyTracker t = trackers.get(m);
            if (t == null || t.samples() < MIN_SAMPLES || Double.isNaN(t.error())) {
                return Optional.empty();
            }
            out.put(m, t.error());
        }
        return Optional.of(out);
    }
}
