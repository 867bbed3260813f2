package io.scalableapp.engine.forecast;

import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.testing.NasaTrace;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Scratch: measures forecasters on the NASA excerpt (not a test). */
public class Explore {
    public static void main(String[] a) {
        Series all = NasaTrace.load();
        int trainStart = NasaTrace.minuteIndex(NasaTrace.at("1995-08-04 00:00:00"));
        int testStart = NasaTrace.minuteIndex(NasaTrace.at("1995-08-11 00:00:00"));
        int testEnd = NasaTrace.minuteIndex(NasaTrace.at("1995-08-12 00:00:00"));
        System.out.println("seasonality " + SeasonalityDetector.detect(all.slice(trainStart, testStart)));
        Optional<Duration> day = Optional.of(Duration.ofDays(1));
        int lead = Integer.parseInt(a.length > 0 ? a[0] : "1");
        int stride = Integer.parseInt(a.length > 1 ? a[1] : "5");
        List<Forecaster> fs = List.of(new HoltWintersForecaster(day), new HoltWintersForecaster(day, Duration.ofMinutes(10)),
                new HoltWintersForecaster(day, Duration.ofMinutes(1)),
                new HoltWintersForecaster(Optional.empty(), Duration.ofMinutes(1)),
                new LinearTrendForecaster(), new SeasonalNaiveForecaster(day), new SeasonalNaiveForecaster(Optional.empty()),
                Forecasters.create(ForecastModel.AUTO, day, lead));
        for (Forecaster f : fs) {
            int n = 0;
            double[] act = new double[(testEnd - testStart) / stride + 1];
            double[] pred = new double[act.length];
            long t0 = System.nanoTime();
            String desc = "";
            for (int o = testStart; o + lead <= testEnd; o += stride) {
                Series h = all.slice(o - 7 * 1440, o);
                Forecast fc = f.forecast(h, lead);
                act[n] = all.get(o + lead - 1);
                pred[n] = fc.get(lead - 1);
                desc = fc.description();
                n++;
            }
            long el = System.nanoTime() - t0;
            System.out.printf("%-70s wape=%.3f mape=%.3f  %.2f ms/fit%n", desc, ForecastErrors.wape(act, pred), ForecastErrors.mape(act, pred), el / 1e6 / n);
        }
    }
}
