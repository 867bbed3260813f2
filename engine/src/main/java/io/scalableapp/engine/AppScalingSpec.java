package io.scalableapp.engine;

import io.scalableapp.engine.decision.FloorLimits;
import io.scalableapp.engine.decision.SurgeHold;
import io.scalableapp.engine.floor.FloorFamily;
import io.scalableapp.engine.floor.NoiseFloorRule;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Seasonality;
import io.scalableapp.engine.schedule.FloorSchedule;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One app's scaling settings, as the operator reads them from the custom resource. Build with
 * {@link #builder()}; everything but {@code targetPerReplica} has a default.
 *
 * @param mode what the caller does with the result (see {@link ScalingMode})
 * @param targetPerReplica demand one replica serves, in the demand series' unit
 * @param minReplicas lowest floor; also the floor whenever no forecast is in force
 * @param maxReplicas highest floor
 * @param step resolution of the demand series (default 1m)
 * @param lookback history fetched and fitted (default 7d; 14d+ lets AUTO find weekly seasons)
 * @param horizon how far ahead to provision; empty = learned pod-ready p95 + horizonMargin
 * @param horizonMargin added to the learned pod-ready p95 (default 1m)
 * @param seasonality seasonal period, AUTO detects daily/weekly
 * @param model forecasting model, AUTO picks by recent out-of-sample error
 * @param headroom fraction added on top of the forecast peak when the learned margin is off or not
 *     yet learned (default 0.1)
 * @param scaleUpReplicasPerMinute see {@link FloorLimits}; default unlimited
 * @param scaleDownFractionPerMinute see {@link FloorLimits}; default 0.2
 * @param scaleDownStabilization see {@link FloorLimits}; default 5m
 * @param holdDuration how long a metrics outage holds the last floor before it decays (default 10m)
 * @param staleAfter no valid sample this recent = metrics unavailable (default 3m)
 * @param absurdFactor see {@link io.scalableapp.engine.metrics.DemandValidator} (default 1000)
 * @param maxForecastError rolling WAPE above which the forecast is distrusted (default 0.5)
 * @param accuracyWindow window of the rolling error (default 1h)
 * @param minAccuracySamples scored forecasts needed before the accuracy gate acts (default 10)
 * @param modelReselectEvery how long an AUTO model choice is reused (default 1h)
 * @param marginQuantile learned margin, used instead of the fixed headroom once {@code
 *     minAccuracySamples} horizons are scored: the floor holds the forecast peak x (1 + this
 *     quantile of the recent relative errors of forecast horizon peaks, actualPeak / forecastPeak -
 *     1, over {@code accuracyWindow}, clamped to [-0.5, maxMargin]) at full capacity, i.e. demand
 *     per replica {@code targetPerReplica / targetUtilization}; 0 = always the fixed headroom, as
 *     before (default 0.9)
 * @param maxMargin upper bound of the learned error quantile (default 2.0: actual peaks of up to 3x
 *     the forecast)
 * @param targetUtilization utilisation at which one replica serves {@code targetPerReplica}, e.g.
 *     the HPA's target when targetPerReplica was derived from it (default 1.0: targetPerReplica is
 *     full capacity); only the learned margin uses it
 * @param schedules user windows that raise or cap the floor, see {@link
 *     io.scalableapp.engine.schedule.ScheduledFloors} (default none)
 * @param surgeHold after a sudden jump of demand, hold capacity for the recent peak (see {@link
 *     SurgeHold}); combined with the forecast floor by max() (default none)
 * @param noiseFloor a noise-sized floor on the recent level ({@link FloorFamily#RECENT_LEVEL}) that
 *     takes the forecast floor's place: no forecast is made, the floor holds the recent level plus
 *     the rule's learned margin at full capacity (default none: the forecast)
 */
public record AppScalingSpec(
    ScalingMode mode,
    double targetPerReplica,
    int minReplicas,
    int maxReplicas,
    Duration step,
    Duration lookback,
    Optional<Duration> horizon,
    Duration horizonMargin,
    Seasonality seasonality,
    ForecastModel model,
    double headroom,
    int scaleUpReplicasPerMinute,
    double scaleDownFractionPerMinute,
    Duration scaleDownStabilization,
    Duration holdDuration,
    Duration staleAfter,
    double absurdFactor,
    double maxForecastError,
    Duration accuracyWindow,
    int minAccuracySamples,
    Duration modelReselectEvery,
    double marginQuantile,
    double maxMargin,
    double targetUtilization,
    List<FloorSchedule> schedules,
    Optional<SurgeHold> surgeHold,
    Optional<NoiseFloorRule> noiseFloor) {

  public AppScalingSpec {
    Objects.requireNonNull(noiseFloor, "noiseFloor");
    if (noiseFloor.isPresent() && noiseFloor.get().family() != FloorFamily.RECENT_LEVEL) {
      throw new IllegalArgumentException(
          "a live noise floor runs on the recent level, got the "
              + noiseFloor.get().family().label()
              + " family");
    }
    schedules = List.copyOf(schedules);
    Objects.requireNonNull(surgeHold, "surgeHold");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(seasonality, "seasonality");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(horizon, "horizon");
    if (!(targetPerReplica > 0) || Double.isInfinite(targetPerReplica)) {
      throw new IllegalArgumentException("targetPerReplica must be a positive number");
    }
    if (!(headroom >= 0)) {
      throw new IllegalArgumentException("headroom must be >= 0");
    }
    if (!(marginQuantile >= 0 && marginQuantile < 1)) {
      throw new IllegalArgumentException("marginQuantile must be in [0, 1)");
    }
    if (!(maxMargin >= 0) || Double.isInfinite(maxMargin)) {
      throw new IllegalArgumentException("maxMargin must be a number >= 0");
    }
    if (!(targetUtilization > 0 && targetUtilization <= 1)) {
      throw new IllegalArgumentException("targetUtilization must be in (0, 1]");
    }
    if (lookback.compareTo(step) <= 0) {
      throw new IllegalArgumentException("lookback must be longer than step");
    }
    if (surgeHold.isPresent() && surgeHold.get().reach().compareTo(lookback) > 0) {
      throw new IllegalArgumentException(
          "surgeHold.holdFor plus "
              + SurgeHold.LEVEL_WINDOW.toMinutes()
              + " min must fit in lookback: the hold is recomputed from the fetched history");
    }
    new FloorLimits(
        minReplicas,
        maxReplicas,
        scaleUpReplicasPerMinute,
        scaleDownFractionPerMinute,
        scaleDownStabilization); // fails fast on bad limits
  }

  public FloorLimits limits() {
    return new FloorLimits(
        minReplicas,
        maxReplicas,
        scaleUpReplicasPerMinute,
        scaleDownFractionPerMinute,
        scaleDownStabilization);
  }

  /**
   * How far ahead the floor provisions: the fixed horizon, else the pods' p95 start-to-ready time
   * plus the margin.
   */
  public Duration effectiveHorizon(Duration readyLatencyP95) {
    return horizon.orElseGet(() -> readyLatencyP95.plus(horizonMargin));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this spec, to change a few fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.mode = mode;
    b.targetPerReplica = targetPerReplica;
    b.minReplicas = minReplicas;
    b.maxReplicas = maxReplicas;
    b.step = step;
    b.lookback = lookback;
    b.horizon = horizon.orElse(null);
    b.horizonMargin = horizonMargin;
    b.seasonality = seasonality;
    b.model = model;
    b.headroom = headroom;
    b.scaleUpReplicasPerMinute = scaleUpReplicasPerMinute;
    b.scaleDownFractionPerMinute = scaleDownFractionPerMinute;
    b.scaleDownStabilization = scaleDownStabilization;
    b.holdDuration = holdDuration;
    b.staleAfter = staleAfter;
    b.absurdFactor = absurdFactor;
    b.maxForecastError = maxForecastError;
    b.accuracyWindow = accuracyWindow;
    b.minAccuracySamples = minAccuracySamples;
    b.modelReselectEvery = modelReselectEvery;
    b.marginQuantile = marginQuantile;
    b.maxMargin = maxMargin;
    b.targetUtilization = targetUtilization;
    b.schedules = schedules;
    b.surgeHold = surgeHold.orElse(null);
    b.noiseFloor = noiseFloor.orElse(null);
    return b;
  }

  /** Fluent builder with the documented defaults. */
  public static final class Builder {
    private ScalingMode mode = ScalingMode.SHADOW;
    private double targetPerReplica = Double.NaN;
    private int minReplicas = 1;
    private int maxReplicas = 10;
    private Duration step = Duration.ofMinutes(1);
    private Duration lookback = Duration.ofDays(7);
    private Duration horizon;
    private Duration horizonMargin = Duration.ofMinutes(1);
    private Seasonality seasonality = Seasonality.AUTO;
    private ForecastModel model = ForecastModel.AUTO;
    private double headroom = 0.1;
    private int scaleUpReplicasPerMinute = Integer.MAX_VALUE;
    private double scaleDownFractionPerMinute = 0.2;
    private Duration scaleDownStabilization = Duration.ofMinutes(5);
    private Duration holdDuration = Duration.ofMinutes(10);
    private Duration staleAfter = Duration.ofMinutes(3);
    private double absurdFactor = 1000;
    private double maxForecastError = 0.5;
    private Duration accuracyWindow = Duration.ofHours(1);
    private int minAccuracySamples = 10;
    private Duration modelReselectEvery = Duration.ofHours(1);
    private double marginQuantile = 0.9;
    private double maxMargin = 2.0;
    private double targetUtilization = 1.0;
    private List<FloorSchedule> schedules = List.of();
    private SurgeHold surgeHold;
    private NoiseFloorRule noiseFloor;

    private Builder() {}

    public Builder mode(ScalingMode v) {
      mode = v;
      return this;
    }

    public Builder targetPerReplica(double v) {
      targetPerReplica = v;
      return this;
    }

    public Builder replicas(int min, int max) {
      minReplicas = min;
      maxReplicas = max;
      return this;
    }

    public Builder step(Duration v) {
      step = v;
      return this;
    }

    public Builder lookback(Duration v) {
      lookback = v;
      return this;
    }

    /** Fixed horizon; null (the default) derives it from the learned pod-ready latency. */
    public Builder horizon(Duration v) {
      horizon = v;
      return this;
    }

    public Builder horizonMargin(Duration v) {
      horizonMargin = v;
      return this;
    }

    public Builder seasonality(Seasonality v) {
      seasonality = v;
      return this;
    }

    public Builder model(ForecastModel v) {
      model = v;
      return this;
    }

    public Builder headroom(double v) {
      headroom = v;
      return this;
    }

    public Builder scaleUpReplicasPerMinute(int v) {
      scaleUpReplicasPerMinute = v;
      return this;
    }

    public Builder scaleDownFractionPerMinute(double v) {
      scaleDownFractionPerMinute = v;
      return this;
    }

    public Builder scaleDownStabilization(Duration v) {
      scaleDownStabilization = v;
      return this;
    }

    public Builder holdDuration(Duration v) {
      holdDuration = v;
      return this;
    }

    public Builder staleAfter(Duration v) {
      staleAfter = v;
      return this;
    }

    public Builder absurdFactor(double v) {
      absurdFactor = v;
      return this;
    }

    public Builder maxForecastError(double v) {
      maxForecastError = v;
      return this;
    }

    public Builder accuracyWindow(Duration v) {
      accuracyWindow = v;
      return this;
    }

    public Builder minAccuracySamples(int v) {
      minAccuracySamples = v;
      return this;
    }

    public Builder modelReselectEvery(Duration v) {
      modelReselectEvery = v;
      return this;
    }

    /** 0 turns the learned margin off: the fixed headroom always applies, as before. */
    public Builder marginQuantile(double v) {
      marginQuantile = v;
      return this;
    }

    public Builder maxMargin(double v) {
      maxMargin = v;
      return this;
    }

    public Builder targetUtilization(double v) {
      targetUtilization = v;
      return this;
    }

    public Builder schedules(List<FloorSchedule> v) {
      schedules = v;
      return this;
    }

    /** null (the default) turns the surge hold off. */
    public Builder surgeHold(SurgeHold v) {
      surgeHold = v;
      return this;
    }

    /** null (the default) runs the forecast floor. */
    public Builder noiseFloor(NoiseFloorRule v) {
      noiseFloor = v;
      return this;
    }

    public AppScalingSpec build() {
      return new AppScalingSpec(
          mode,
          targetPerReplica,
          minReplicas,
          maxReplicas,
          step,
          lookback,
          Optional.ofNullable(horizon),
          horizonMargin,
          seasonality,
          model,
          headroom,
          scaleUpReplicasPerMinute,
          scaleDownFractionPerMinute,
          scaleDownStabilization,
          holdDuration,
          staleAfter,
          absurdFactor,
          maxForecastError,
          accuracyWindow,
          minAccuracySamples,
          modelReselectEvery,
          marginQuantile,
          maxMargin,
          targetUtilization,
          schedules,
          Optional.ofNullable(surgeHold),
          Optional.ofNullable(noiseFloor));
    }
  }
}
