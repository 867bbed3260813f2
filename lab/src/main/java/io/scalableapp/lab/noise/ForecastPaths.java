package io.scalableapp.lab.noise;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.forecast.Forecasters;
import io.scalableapp.engine.forecast.Seasonality;
import io.scalableapp.engine.forecast.SeasonalityDetector;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.engine.replay.trace.TraceRecording;
import io.scalableapp.engine.series.Series;
import io.scalableapp.lab.experiment.ExperimentRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The engine's forecast made at the start of every minute of a range of one trace, from the minutes
 * before it only (the engine's default lookback), {@code steps} minutes ahead: the input of the
 * forecast floor family. Made once per trace and shared by every startup delay, HPA variant and
 * candidate, since the forecast reads only the trace. The model is {@link #MODEL}, the one AUTO
 * picks on both traces' test parts (forecast benchmark), with the season detected once on the last
 * lookback of the training part.
 */
public final class ForecastPaths {

  public static final ForecastModel MODEL = ForecastModel.SEASONAL_PROFILE;
  static final Duration LOOKBACK = AppScalingSpec.builder().targetPerReplica(1).build().lookback();
  private static final int CHUNK = 2048;

  private final Trace trace;
  private final int from;
  private final int steps;

  /** Row m - from: the forecast for minutes m .. m + steps - 1. */
  private final float[][] paths;

  private ForecastPaths(Trace trace, int from, int steps, float[][] paths) {
    this.trace = trace;
    this.from = from;
    this.steps = steps;
    this.paths = paths;
  }

  /**
   * Forecasts at every minute of {@code [from, to)} on the runner's threads.
   *
   * @param trainingEnd the first minute not in the training part, where the season is detected
   */
  public static ForecastPaths compute(
      ExperimentRunner runner, Trace trace, int trainingEnd, int from, int to, int steps) {
    Series recorded = TraceRecording.of(trace);
    int lookback = (int) LOOKBACK.toMinutes();
    Optional<Duration> period =
        SeasonalityDetector.resolve(
            Seasonality.AUTO, recorded.slice(Math.max(0, trainingEnd - lookback), trainingEnd));
    int start = Math.max(1, from);
    List<int[]> chunks = new ArrayList<>();
    for (int c = start; c < to; c += CHUNK) {
      chunks.add(new int[] {c, Math.min(to, c + CHUNK)});
    }
    List<float[][]> parts =
        runner.map(
            chunks,
            chunk -> {
              Forecaster forecaster = Forecasters.create(MODEL, period, steps);
              float[][] rows = new float[chunk[1] - chunk[0]][];
              for (int m = chunk[0]; m < chunk[1]; m++) {
                double[] f =
                    forecaster
                        .forecast(recorded.slice(Math.max(0, m - lookback), m), steps)
                        .points()
                        .toArray();
                float[] row = new float[steps];
                for (int j = 0; j < steps; j++) {
                  row[j] = j < f.length ? (float) f[j] : Float.NaN;
                }
                rows[m - chunk[0]] = row;
              }
              return rows;
            });
    float[][] paths = parts.stream().flatMap(Arrays::stream).toArray(float[][]::new);
    return new ForecastPaths(trace, start, steps, paths);
  }

  public Trace trace() {
    return trace;
  }

  /**
   * Per minute of the trace: the forecast peak over {@code [m, m + span)} made at the start of m;
   * NaN outside the computed range.
   */
  public double[] peaks(int span) {
    if (span > steps) {
      throw new IllegalArgumentException(
          "span " + span + " beyond the " + steps + " minutes forecast");
    }
    double[] peaks = new double[trace.length()];
    Arrays.fill(peaks, Double.NaN);
    IntStream.range(0, paths.length)
        .forEach(
            i -> {
              double peak = Double.NaN;
              for (int j = 0; j < span; j++) {
                double v = paths[i][j];
                if (!Double.isNaN(v)) {
                  peak = Double.isNaN(peak) ? v : Math.max(peak, v);
                }
              }
              peaks[from + i] = peak;
            });
    return peaks;
  }
}
