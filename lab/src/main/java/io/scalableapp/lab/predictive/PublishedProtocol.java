package io.scalableapp.lab.predictive;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.engine.series.Series;
import io.scalableapp.lab.trace.GapInterpolation;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The protocol behind the published NASA figures (XGBoost MAPE 25.8 %, Prophet 45.1 %): requests
 * per 5 minutes, outage interpolated, train 1995-07-01 .. 08-22, test 08-23 .. 08-31,
 * one-step-ahead forecasts, MAPE. The engine itself forecasts: a {@link ForecastReplay} at 5-minute
 * steps with its default lookback and seasonality detection, evaluating before every bucket on what
 * came before it (rolling origin, refit every time), starting {@link #WARM_UP} before the scored
 * window so AUTO has its live scores.
 *
 * <p>{@link #VALIDATION} is the same kind of window inside the training part (its last 9 days, the
 * test part's length): the only place model settings may be tuned.
 */
public final class PublishedProtocol {

  public static final Duration BUCKET = Duration.ofMinutes(5);
  public static final Duration WARM_UP = Duration.ofDays(1);
  public static final Window TEST =
      new Window(LocalDateTime.of(1995, 8, 23, 0, 0), LocalDateTime.of(1995, 9, 1, 0, 0));
  public static final Window VALIDATION =
      new Window(LocalDateTime.of(1995, 8, 14, 0, 0), LocalDateTime.of(1995, 8, 23, 0, 0));

  /** Scored buckets {@code [from, until)}. */
  public record Window(LocalDateTime from, LocalDateTime until) {}

  /**
   * @param chosen for AUTO, how many buckets each concrete model forecast
   */
  public record Result(String model, double mapePercent, int buckets, String chosen) {}

  private final Trace nasa;
  private final Series buckets;

  public PublishedProtocol(Trace nasa) {
    this.nasa = nasa;
    this.buckets = fiveMinuteSums(nasa);
  }

  /** One engine model on the test part. */
  public Result evaluate(ForecastModel model) {
    return evaluate(model.name(), model, ForecasterFactory.DEFAULT, TEST);
  }

  /** The engine running {@code model} as {@code forecasters} build it, on any window. */
  public Result evaluate(
      String name, ForecastModel model, ForecasterFactory forecasters, Window window) {
    return evaluate(
        name,
        model,
        forecasters,
        window,
        AppScalingSpec.builder().targetPerReplica(1).build().lookback());
  }

  /** As above with a lookback other than the engine's default. */
  public Result evaluate(
      String name,
      ForecastModel model,
      ForecasterFactory forecasters,
      Window window,
      Duration lookback) {
    AppScalingSpec spec =
        AppScalingSpec.builder()
            .targetPerReplica(1)
            .step(BUCKET)
            .horizon(BUCKET)
            .model(model)
            .lookback(lookback)
            .build();
    int from = bucketOf(window.from());
    int until = Math.min(buckets.size(), bucketOf(window.until()));
    int warm = (int) (WARM_UP.toMinutes() / BUCKET.toMinutes());
    // The evaluation at bucket i (its end being the newest data) forecasts bucket i + 1.
    PointwiseScores scores =
        ForecastReplay.run(
            buckets, spec, forecasters, Math.max(0, from - 1 - warm), from - 1, until);
    String chosen = model == ForecastModel.AUTO ? scores.chosenModels().toString() : "";
    return new Result(name, scores.mapePercent(1), scores.count(1), chosen);
  }

  private int bucketOf(LocalDateTime t) {
    return (int) (Duration.between(nasa.start(), t).toMinutes() / BUCKET.toMinutes());
  }

  /**
   * Requests per 5-minute bucket, masked minutes filled by linear interpolation first, each bucket
   * stamped at its end like {@link io.scalableapp.engine.replay.trace.TraceRecording}.
   */
  static Series fiveMinuteSums(Trace trace) {
    double[] perMinute = GapInterpolation.interpolate(trace);
    int per = (int) BUCKET.toMinutes();
    double[] sums = new double[perMinute.length / per];
    for (int b = 0; b < sums.length; b++) {
      for (int i = 0; i < per; i++) {
        sums[b] += perMinute[b * per + i];
      }
    }
    return Series.of(trace.instant(0).plus(BUCKET), BUCKET, sums);
  }
}
