package io.scalableapp.lab.predictive;

import io.scalableapp.engine.forecast.ForecastErrors;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.forecast.Forecasters;
import io.scalableapp.engine.forecast.SeasonalityDetector;
import io.scalableapp.engine.series.Series;
import io.scalableapp.lab.trace.GapInterpolation;
import io.scalableapp.lab.trace.Trace;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;

/**
 * The protocol behind the published NASA figures (XGBoost MAPE 25.8 %, Prophet 45.1 %): requests per 5 minutes,
 * outage interpolated, train 1995-07-01 .. 08-22, test 08-23 .. 08-31, one-step-ahead forecasts. Our models
 * forecast each test bucket from everything observed before it (rolling origin, refit every time, as the engine
 * does), over the trailing {@code lookback}.
 *
 * <p>{@link #VALIDATION} is the same kind of window inside the training part (its last 9 days, the test part's
 * length): the only place model settings may be tuned.
 */
public final class PublishedProtocol {

    public static final Duration BUCKET = Duration.ofMinutes(5);
    public static final Window TEST = new Window(LocalDateTime.of(1995, 8, 23, 0, 0), LocalDateTime.of(1995, 9, 1, 0, 0));
    public static final Window VALIDATION =
            new Window(LocalDateTime.of(1995, 8, 14, 0, 0), LocalDateTime.of(1995, 8, 23, 0, 0));

    /** Scored buckets {@code [from, until)}. */
    public record Window(LocalDateTime from, LocalDateTime until) {
    }

    public record Result(String model, double mapePercent, int testBuckets, String season) {
    }

    private final Duration lookback;
    private final Series buckets;
    private final Optional<Duration> period;

    public PublishedProtocol(Trace nasa, Duration lookback) {
        this.lookback = lookback;
        this.buckets = fiveMinuteSums(nasa);
        // The season is a training-time choice: resolve it once on the training part.
        this.period = SeasonalityDetector.detect(buckets.slice(0, index(TEST.from())));
    }

    /** One engine model on the test part. */
    public Result evaluate(ForecastModel model) {
        return evaluate(model.name(), p -> Forecasters.create(model, p, 1), TEST);
    }

    /** Any forecaster (built for the training part's season) on any window. */
    public Result evaluate(String name, Function<Optional<Duration>, Forecaster> build, Window window) {
        Forecaster forecaster = build.apply(period);
        int from = index(window.from());
        int until = Math.min(buckets.size(), index(window.until().minus(BUCKET)) + 1);
        int history = (int) (lookback.toMinutes() / BUCKET.toMinutes());
        double[] actual = new double[until - from];
        double[] forecast = new double[actual.length];
        for (int k = from; k < until; k++) {
            forecast[k - from] = forecaster.forecast(buckets.slice(Math.max(0, k - history), k), 1).get(0);
            actual[k - from] = buckets.get(k);
        }
        String season = period.map(p -> p.toHours() + " h").orElse("none");
        return new Result(name, 100 * ForecastErrors.mape(actual, forecast), actual.length, season);
    }

    private int index(LocalDateTime t) {
        return buckets.indexNear(t.toInstant(ZoneOffset.UTC));
    }

    /** Requests per 5-minute bucket, with masked minutes filled by linear interpolation first. */
    static Series fiveMinuteSums(Trace trace) {
        double[] perMinute = GapInterpolation.interpolate(trace);
        int per = (int) BUCKET.toMinutes();
        double[] sums = new double[perMinute.length / per];
        for (int b = 0; b < sums.length; b++) {
            for (int i = 0; i < per; i++) {
                sums[b] += perMinute[b * per + i];
            }
        }
        return Series.of(trace.instant(0), BUCKET, sums);
    }
}
