package io.scalableapp.lab.metrics;

/**
 * Point-forecast errors over paired arrays. Pairs whose actual is NaN (masked) are skipped everywhere; MAPE
 * also skips actual zeros, where a percentage error is undefined.
 */
public final class ForecastAccuracy {

    private ForecastAccuracy() {
    }

    /** Mean absolute percentage error, in percent. NaN when no pair has a non-zero actual. */
    public static double mape(double[] actual, double[] forecast) {
        requireSameLength(actual, forecast);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(actual[i]) || Double.isNaN(forecast[i]) || actual[i] == 0) {
                continue;
            }
            sum += Math.abs((actual[i] - forecast[i]) / actual[i]);
            n++;
        }
        return n == 0 ? Double.NaN : 100.0 * sum / n;
    }

    public static double meanAbsoluteError(double[] actual, double[] forecast) {
        requireSameLength(actual, forecast);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(actual[i]) || Double.isNaN(forecast[i])) {
                continue;
            }
            sum += Math.abs(actual[i] - forecast[i]);
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The scale of MASE: mean absolute error of the naive "same as {@code lag} steps ago" forecast within the
     * training series (Hyndman and Koehler 2006). Pairs touching a NaN are skipped.
     */
    public static double naiveScale(double[] training, int lag) {
        double sum = 0;
        int n = 0;
        for (int i = lag; i < training.length; i++) {
            if (Double.isNaN(training[i]) || Double.isNaN(training[i - lag])) {
                continue;
            }
            sum += Math.abs(training[i] - training[i - lag]);
            n++;
        }
        if (n == 0 || sum == 0) {
            throw new IllegalArgumentException("naive scale undefined: training series is constant or too short");
        }
        return sum / n;
    }

    /** Mean absolute scaled error: forecast MAE divided by the in-sample naive MAE. */
    public static double mase(double[] actual, double[] forecast, double naiveScale) {
        return meanAbsoluteError(actual, forecast) / naiveScale;
    }

    private static void requireSameLength(double[] actual, double[] forecast) {
        if (actual.length != forecast.length) {
            throw new IllegalArgumentException("actual and forecast lengths differ");
        }
    }
}
