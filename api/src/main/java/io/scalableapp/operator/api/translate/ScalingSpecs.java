package io.scalableapp.operator.api.translate;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.decision.SurgeHold;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Seasonality;
import io.scalableapp.engine.schedule.FloorSchedule;
import io.scalableapp.engine.text.DurationText;
import io.scalableapp.operator.api.PredictionSchedule;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.SurgeHoldSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Translates an app's spec into the engine's terms. */
public final class ScalingSpecs {
  private ScalingSpecs() {}

  public static AppScalingSpec of(ScalableApp app, Duration step) {
    PredictionSpec p = app.getSpec().getPrediction();
    var replicas = app.getSpec().getReplicas();
    AppScalingSpec.Builder builder =
        AppScalingSpec.builder()
            .mode(mode(p.getMode()))
            .targetPerReplica(p.getTargetPerReplica())
            .replicas(replicas.getMin(), replicas.getMax())
            .step(step)
            .lookback(DurationText.parse(p.getLookback()))
            .seasonality(seasonality(p.getSeasonality()))
            .model(model(p.getModel()))
            .headroom(p.getHeadroomPercent() / 100.0)
            .targetUtilization(targetUtilization(app))
            .scaleUpReplicasPerMinute(
                p.getScaleUpReplicasPerMinute() == 0
                    ? Integer.MAX_VALUE
                    : p.getScaleUpReplicasPerMinute())
            .scaleDownFractionPerMinute(p.getScaleDownPercentPerMinute() / 100.0)
            .scaleDownStabilization(DurationText.parse(p.getScaleDownStabilization()))
            .holdDuration(DurationText.parse(p.getHoldOnMetricsLoss()))
            .maxForecastError(p.getMaxForecastErrorPercent() / 100.0)
            .schedules(schedules(p.getSchedules()));
    if (p.getHorizon() != null) {
      builder.horizon(DurationText.parse(p.getHorizon()));
    }
    if (p.getSurgeHold() != null) {
      builder.surgeHold(surgeHold(p.getSurgeHold()));
    }
    return builder.build();
  }

  /**
   * Where {@code prediction}'s demand history is: the app's own Prometheus, or {@code
   * operatorDefault}.
   */
  public static URI prometheus(PredictionSpec prediction, URI operatorDefault) {
    return prediction.getPrometheusUrl() != null
        ? URI.create(prediction.getPrometheusUrl())
        : operatorDefault;
  }

  static SurgeHold surgeHold(SurgeHoldSpec s) {
    return new SurgeHold(s.getJumpRatio(), DurationText.parse(s.getHoldFor()));
  }

  /**
   * The CRD guarantees exactly one of minReplicas and floorCap; cron and time zone are checked
   * here.
   */
  static List<FloorSchedule> schedules(List<PredictionSchedule> schedules) {
    if (schedules == null) {
      return List.of();
    }
    return schedules.stream()
        .map(
            s -> {
              try {
                var window =
                    new CronWindow(
                        s.getCron(), s.getTimeZone(), DurationText.parse(s.getDuration()));
                return s.getMinReplicas() != null
                    ? new FloorSchedule(
                        s.getName(), FloorSchedule.Kind.RAISE, s.getMinReplicas(), window)
                    : new FloorSchedule(
                        s.getName(), FloorSchedule.Kind.CAP, s.getFloorCap(), window);
              } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                    "schedule " + s.getName() + ": " + e.getMessage(), e);
              }
            })
        .toList();
  }

  /**
   * Settings to hold an app's floor by when its own cannot be used: only what the API server
   * guarantees (mode and replica bounds) and the hold duration if it parses; everything else the
   * engine's defaults. It never forecasts: it is evaluated with a failing source.
   */
  public static AppScalingSpec fallback(ScalableApp app, Duration step) {
    var replicas = app.getSpec().getReplicas();
    AppScalingSpec.Builder builder =
        AppScalingSpec.builder()
            .mode(mode(app.getSpec().getPrediction().getMode()))
            .targetPerReplica(1)
            .replicas(replicas.getMin(), Math.max(replicas.getMin(), replicas.getMax()))
            .step(step)
            .lookback(step.multipliedBy(2));
    try {
      builder.holdDuration(
          DurationText.parse(app.getSpec().getPrediction().getHoldOnMetricsLoss()));
    } catch (RuntimeException e) {
      // keep the engine's default hold
    }
    try {
      // A sale still gets its floor while the forecast fails; schedules that cannot be read are the
      // failure.
      builder.schedules(schedules(app.getSpec().getPrediction().getSchedules()));
    } catch (RuntimeException e) {
      // without schedules
    }
    return builder.build();
  }

  /**
   * targetPerReplica is the demand a replica serves at the HPA's CPU target; the floor is sized for
   * full load and the HPA adds replicas above it. Without an HPA the floor is all there is, so it
   * keeps replicas at targetPerReplica.
   */
  static double targetUtilization(ScalableApp app) {
    return AutoscalingDecision.isActive(app) ? hpaTargetUtilization(app) : 1.0;
  }

  /**
   * The share of a replica's CPU request the app's HPA aims for (autoscaling's target), at most all
   * of it.
   */
  public static double hpaTargetUtilization(ScalableApp app) {
    return Math.min(
        1.0, app.getSpec().getAutoscaling().getTargetCPUUtilizationPercentage() / 100.0);
  }

  /**
   * Auto starts as Shadow; the operator's PredictionService runs it in the mode its evidence chose.
   */
  static ScalingMode mode(PredictionSpec.Mode mode) {
    return switch (mode) {
      case Off -> ScalingMode.OFF;
      case Shadow, Auto -> ScalingMode.SHADOW;
      case Enforce -> ScalingMode.ENFORCE;
    };
  }

  static Seasonality seasonality(PredictionSpec.Seasonality s) {
    return switch (s) {
      case Auto -> Seasonality.AUTO;
      case Daily -> Seasonality.DAILY;
      case Weekly -> Seasonality.WEEKLY;
      case None -> Seasonality.NONE;
    };
  }

  static ForecastModel model(PredictionSpec.Model m) {
    return switch (m) {
      case Auto -> ForecastModel.AUTO;
      case SeasonalProfile -> ForecastModel.SEASONAL_PROFILE;
      case HoltWinters -> ForecastModel.HOLT_WINTERS;
      case Linear -> ForecastModel.LINEAR;
      case SeasonalNaive -> ForecastModel.SEASONAL_NAIVE;
    };
  }
}
