package io.scalableapp.engine.forecast;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.testing.NasaTrace;
import java.time.Duration;
import java.util.Optional;

/** Scratch: steady-state fit+forecast time on 7 days of 1-minute points (not a test). */
public class Timing {
    public static void main(String[] a) {
        Series all = NasaTrace.load();
        int start = NasaTrace.minuteIndex(NasaTrace.at("1995-08-04 00:00:00"));
        Optional<Duration> day = Optional.of(Duration.ofDays(1));
        Forecaster[] fs = {new HoltWintersForecaster(day), new HoltWintersForecaster(day, Duration.ofMinutes(10)),
                new LinearTrendForecaster(), new SeasonalNaiveForecaster(day), Forecasters.create(ForecastModel.AUTO, day, 5)};
        for (Forecaster f : fs) {
            double sink = 0;
            for (int round = 0; round < 3; round++) {
                int iters = f instanceof AutoForecaster ? 100 : 500;
                long t0 = System.nanoTime();
                for (int i = 0; i < iters; i++) {
                    Series h = all.slice(start + i, start + i + 10080);
                    sink += f.forecast(h, 5).get(4);
                    sink += SeasonalityDetector.detect(h).isPresent() ? 1 : 0;
                }
                long el = System.nanoTime() - t0;
                if (round == 2) System.out.printf("%-20s %.3f ms per fit+forecast (+detect) on 10080 points (sink %.0f)%n", f.model(), el / 1e6 / iters, sink);
            }
        }
    }
}
