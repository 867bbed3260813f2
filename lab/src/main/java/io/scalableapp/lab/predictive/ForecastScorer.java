package io.scalableapp.lab.predictive;

import io.scalableapp.engine.forecast.ForecastErrors;
import io.scalableapp.lab.trace.Trace;
import java.util.Arrays;

/**
 * Scores forecasts made while walking a trace forward, at one step and at the horizon, against what then
 * happened. Each target minute is scored once per lead: by the forecast whose history ended exactly
 * {@code lead} minutes before it. Uses the engine's own error measures; masked minutes are skipped.
 */
public final class ForecastScorer {

    /** MAPE in percent; MASE against the in-sample one-step naive forecast of the training part. */
    public record Score(double mapeOneStep, double maseOneStep, int horizonMinutes, double mapeHorizon,
                        double maseHorizon, int scoredMinutes) {
    }

    private final Trace trace;
    private final int from;
    private final int to;
    private final int horizon;
    private final double[] oneStep;
    private final double[] atHorizon;

    /** Scores target minutes {@code [from, to)}; {@code horizon} is the lead, in minutes, that matters. */
    public ForecastScorer(Trace trace, int from, int to, int horizon) {
        this.trace = trace;
        this.from = from;
        this.to = to;
        this.horizon = horizon;
        this.oneStep = nanArray(to - from);
        this.atHorizon = nanArray(to - from);
    }

    /**
     * @param lastHistoryMinute the newest minute the forecaster saw
     * @param perMinute         forecast for minutes {@code lastHistoryMinute + 1, + 2, ...}
     */
    public void record(int lastHistoryMinute, double[] perMinute) {
        put(oneStep, lastHistoryMinute + 1, perMinute, 1);
        put(atHorizon, lastHistoryMinute + horizon, perMinute, horizon);
    }

    private void put(double[] into, int target, double[] perMinute, int lead) {
        if (target >= from && target < to && perMinute.length >= lead) {
            into[target - from] = perMinute[lead - 1];
        }
    }

    public Score score(int trainFrom, int trainTo) {
        double[] actual = nanArray(to - from);
        for (int m = from; m < to; m++) {
            if (trace.observed(m)) {
                actual[m - from] = trace.demand(m);
            }
        }
        double[] training = new double[trainTo - trainFrom];
        for (int m = trainFrom; m < trainTo; m++) {
            training[m - trainFrom] = trace.observed(m) ? trace.demand(m) : Double.NaN;
        }
        int scored = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i]) && !Double.isNaN(oneStep[i])) {
                scored++;
            }
        }
        return new Score(
                100 * ForecastErrors.mape(actual, oneStep),
                ForecastErrors.mase(actual, oneStep, training, 1),
                horizon,
                100 * ForecastErrors.mape(actual, atHorizon),
                ForecastErrors.mase(actual, atHorizon, training, 1),
                scored);
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
