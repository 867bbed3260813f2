package io.scalableapp.lab.bench;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.PredictiveScaler;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.forecast.Forecast;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.forecast.Forecasters;
import io.scalableapp.engine.forecast.SeasonalityDetector;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.series.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forecasting cost for one app on 7 days of 1-minute demand (10,080 points), on one core (goal:
 * under 5 ms): {@code fitAndForecast} detects the season, fits and forecasts the horizon from
 * scratch (AUTO: its cold-start backtest selection); {@code scalerEvaluation} is a whole
 * steady-state engine evaluation (AUTO: every candidate forecasts, feeding its live scores). {@link
 * ForecastBenchmarkReport} turns the results into the document.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:ActiveProcessorCount=1"})
@Threads(1)
public class ForecastBenchmark {

  static final int WEEK_OF_MINUTES = 7 * 24 * 60;

  /** 5 minutes ahead at 1-minute steps: a 180 s startup delay plus margin. */
  static final int HORIZON_STEPS = 5;

  @Param({"AUTO", "SEASONAL_PROFILE", "HOLT_WINTERS", "LINEAR", "SEASONAL_NAIVE"})
  public ForecastModel model;

  private Series history;
  private PredictiveScaler scaler;
  private AppScalingSpec spec;
  private ScalerState state;
  private DemandSource source;

  @Setup
  public void setUp() {
    history = syntheticWeek(42);
    // One minute past the recording's end, so the scaler's 7-day lookback covers it exactly.
    Clock clock = Clock.fixed(history.end().plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
    scaler = new PredictiveScaler(clock);
    spec =
        AppScalingSpec.builder()
            .mode(ScalingMode.ENFORCE)
            .targetPerReplica(50)
            .replicas(1, 500)
            .horizon(Duration.ofMinutes(HORIZON_STEPS))
            .model(model)
            .build();
    state = new ScalerState();
    source = new InMemoryDemandSource(history);
    scaler.evaluate(spec, source, state); // makes (and for AUTO remembers) the model choice
  }

  @Benchmark
  public Forecast fitAndForecast() {
    return fitAndForecast(model, history);
  }

  /**
   * Season detection, fit and the horizon's forecast from scratch (AUTO: with its cold-start
   * selection).
   */
  static Forecast fitAndForecast(ForecastModel model, Series history) {
    Optional<Duration> period = SeasonalityDetector.detect(history);
    Forecaster forecaster = Forecasters.create(model, period, HORIZON_STEPS);
    return forecaster.forecast(history, HORIZON_STEPS);
  }

  /**
   * One steady-state evaluation of the engine for one app, as the operator runs it every minute:
   * fetch, validate, detect the season, forecast (AUTO reuses its hourly model choice), decide the
   * floor.
   */
  @Benchmark
  public Recommendation scalerEvaluation() {
    return scaler.evaluate(spec, source, state);
  }

  /** Web-like demand: a daily wave with a lunchtime bump, a weekend dip and Poisson-like noise. */
  static Series syntheticWeek(long seed) {
    Random random = new Random(seed);
    double[] y = new double[WEEK_OF_MINUTES];
    for (int i = 0; i < y.length; i++) {
      double dayPhase = 2 * Math.PI * (i % 1440) / 1440.0;
      boolean weekend = (i / 1440) % 7 >= 5;
      double mean = 400 + 250 * Math.sin(dayPhase - Math.PI / 2) + 80 * Math.sin(2 * dayPhase);
      mean *= weekend ? 0.7 : 1.0;
      y[i] = Math.max(0, mean + Math.sqrt(mean) * random.nextGaussian());
    }
    return Series.of(Instant.parse("2024-01-01T00:00:00Z"), Duration.ofMinutes(1), y);
  }
}
