package io.scalableapp.engine;

import io.scalableapp.engine.decision.AccuracyGate;
import io.scalableapp.engine.decision.FloorDecider;
import io.scalableapp.engine.decision.PeakResidualTracker;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.decision.SurgeHold;
import io.scalableapp.engine.floor.NoiseFloorRule;
import io.scalableapp.engine.floor.NoiseFloorTracker;
import io.scalableapp.engine.forecast.Forecast;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.metrics.DemandCheck;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.metrics.DemandValidator;
import io.scalableapp.engine.schedule.ScheduledFloors;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.series.Steps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The engine's entry point: fetch demand, forecast it, and recommend a replica floor.
 *
 * <p>Pipeline (after Flink's autoscaler): collect ({@link DemandSource} + {@link DemandValidator})
 * -> forecast and judge accuracy ({@link ForecastStage}, accuracy gate) -> raise for a recent surge
 * ({@link SurgeHold}, if set) -> schedules -> decide ({@link FloorDecider}). Applying the floor is
 * the caller's job. All time comes from the injected clock, so a replay with a simulated clock runs
 * exactly the production logic.
 *
 * <p>Holds no per-app data (that is {@link ScalerState}), so one instance can serve every app and
 * several threads, as long as each app's state is evaluated by one thread at a time.
 */
public final class PredictiveScaler {

  /** Valid history needed before forecasting; less and the floor stays at replicas.min. */
  static final Duration MIN_HISTORY = Duration.ofMinutes(30);

  static final int MIN_HISTORY_POINTS = 6;

  /**
   * Lowest relative error quantile the learned margin uses: forecasts running at twice the actual
   * peak.
   */
  static final double MIN_LEARNED_RESIDUAL = -0.5;

  private final Clock clock;
  private final ForecasterFactory forecasters;

  public PredictiveScaler(Clock clock) {
    this(clock, ForecasterFactory.DEFAULT);
  }

  /** With a custom forecaster factory, e.g. the lab's degraded forecasters. */
  public PredictiveScaler(Clock clock, ForecasterFactory forecasters) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.forecasters = Objects.requireNonNull(forecasters, "forecasters");
  }

  /**
   * Rebuilds an app's state from a snapshot, with forecasters from this scaler's factory; see
   * {@link ScalerState#restore}.
   */
  public ScalerState restore(ScalerSnapshot snapshot, ReadyLatencyEstimator readyLatency) {
    return ScalerState.restore(snapshot, forecasters, readyLatency);
  }

  /** What the floor should be before bounds and limits, and why. */
  private record Proposal(
      int desired, Reason reason, String message, Forecast forecast, double peak) {
    /**
     * A surge hold raises the floor to the recent peak after a jump; the forecast floor stands if
     * higher.
     */
    Proposal surged(SurgeHold.Hold hold, Duration holdFor, Instant now) {
      if (hold.replicas() <= desired) {
        return this;
      }
      return new Proposal(
          hold.replicas(),
          Reason.SURGE_HOLD,
          message + "; " + hold.describe(holdFor, now),
          forecast,
          peak);
    }

    /** The schedules in force have the last word before bounds and limits. */
    Proposal scheduled(ScheduledFloors.Adjustment adjustment) {
      if (!adjustment.changed(desired)) {
        return this;
      }
      return new Proposal(
          adjustment.desired(),
          Reason.SCHEDULE,
          message + "; " + adjustment.note(),
          forecast,
          peak);
    }
  }

  /**
   * Evaluates one app once and updates {@code state}. A failing source is a metrics outage (the
   * floor is held); anything else that throws leaves the hold clock where the last completed
   * evaluation set it, so a caller that catches it and evaluates again with a failing source holds
   * the floor as for an outage.
   */
  public Recommendation evaluate(AppScalingSpec spec, DemandSource source, ScalerState state) {
    Instant now = clock.instant();
    Duration horizon = spec.effectiveHorizon(state.readyLatency().p95());
    int previous = state.lastFloor().orElse(spec.minReplicas());
    DemandCheck check = fetch(spec, source, now);

    Proposal proposal;
    if (check.available()) {
      proposal = proposeFromDemand(spec, check, horizon, state, now);
      if (spec.surgeHold().isPresent()) {
        SurgeHold surge = spec.surgeHold().get();
        Proposal forecastOnly = proposal;
        proposal =
            surge
                .at(check.series(), spec.targetPerReplica(), now)
                .map(hold -> forecastOnly.surged(hold, surge.holdFor(), now))
                .orElse(proposal);
      }
      // Only a completed evaluation counts as good: a forecast that throws must not keep extending
      // the hold.
      state.metricsGood(now);
    } else {
      proposal = proposeWithoutMetrics(spec, check.problem(), state, now);
    }
    ScheduledFloors.Adjustment scheduled =
        ScheduledFloors.apply(spec.schedules(), proposal.desired(), spec.minReplicas(), now);
    proposal = proposal.scheduled(scheduled);

    FloorDecider.Outcome outcome =
        FloorDecider.decide(
            proposal.desired(),
            previous,
            spec.limits(),
            state.recommendations(),
            state.floors(),
            now);
    Reason reason = outcome.limitedBy() != null ? outcome.limitedBy() : proposal.reason();
    String message =
        outcome.note().isEmpty() ? proposal.message() : proposal.message() + "; " + outcome.note();
    if (check.available() && !check.problem().isEmpty()) {
      message += "; " + check.problem();
    }
    Forecast f = proposal.forecast();
    ForecastSummary forecast =
        f == null
            ? new ForecastSummary(proposal.peak(), Double.NaN, null, "", horizon, null)
            : new ForecastSummary(
                proposal.peak(), f.get(0), f.model(), f.description(), horizon, f.points());
    Recommendation r =
        new Recommendation(
            now,
            spec.mode(),
            spec.mode() == ScalingMode.ENFORCE,
            new FloorDecision(previous, proposal.desired(), outcome.floor(), reason),
            forecast,
            new ForecastAccuracy(state.accuracy().error(), state.accuracy().samples()),
            check.available(),
            message,
            scheduled.active());
    state.record(r);
    return r;
  }

  private DemandCheck fetch(AppScalingSpec spec, DemandSource source, Instant now) {
    // Align the query to whole steps so every evaluation sees the same sample timestamps,
    // which lets past forecasts be matched exactly with the actuals that arrive later.
    long stepMillis = spec.step().toMillis();
    Instant to = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), stepMillis) * stepMillis);
    Instant from = to.minus(spec.lookback()).plus(spec.step());
    DemandValidator validator = new DemandValidator(spec.staleAfter(), spec.absurdFactor());
    Series raw;
    try {
      raw = source.fetch(from, to, spec.step());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DemandCheck.unavailable(null, 0, "demand fetch interrupted");
    } catch (Exception e) {
      return DemandCheck.unavailable(null, 0, "demand source failed: " + e);
    }
    return validator.check(raw, now, spec.targetPerReplica());
  }

  private Proposal proposeWithoutMetrics(
      AppScalingSpec spec, String problem, ScalerState state, Instant now) {
    String why = "metrics unavailable: " + problem;
    Instant lastGood = state.lastGoodMetricsAt().orElse(null);
    if (lastGood != null && state.lastFloor().isPresent()) {
      Instant holdUntil = lastGood.plus(spec.holdDuration());
      if (now.isBefore(holdUntil)) {
        int held = state.lastFloor().getAsInt();
        return new Proposal(
            held,
            Reason.HOLD,
            why + "; holding floor " + held + " until " + holdUntil,
            null,
            Double.NaN);
      }
      return new Proposal(
          spec.minReplicas(),
          Reason.FALLBACK,
          why + "; hold expired at " + holdUntil + ", floor decays toward replicas.min",
          null,
          Double.NaN);
    }
    return new Proposal(
        spec.minReplicas(), Reason.FALLBACK, why + "; no earlier floor to hold", null, Double.NaN);
  }

  /**
   * The recent level plus the rule's margin learned from the app's own history, held at full
   * capacity ({@code targetPerReplica / targetUtilization}, as the policy search replayed it); no
   * forecast is made.
   */
  private Proposal proposeNoiseFloor(
      AppScalingSpec spec,
      NoiseFloorRule rule,
      Series history,
      Duration horizon,
      ScalerState state,
      Instant now) {
    NoiseFloorTracker tracker = state.noiseFloor(rule, clock);
    tracker.follow(history, horizon);
    double level = NoiseFloorTracker.recentLevel(history, now);
    OptionalDouble cover = tracker.cover(level);
    if (cover.isEmpty()) {
      return new Proposal(
          spec.minReplicas(),
          Reason.REACTIVE,
          String.format(
              Locale.ROOT,
              "%s: %d of the %d errors it needs scored so far; HPA reacts above replicas.min",
              rule.label(),
              tracker.samples(),
              NoiseFloorRule.MIN_SAMPLES),
          null,
          Double.NaN);
    }
    double capacity = spec.targetPerReplica() / spec.targetUtilization();
    int desired =
        (int) Math.min(Integer.MAX_VALUE, Math.ceil(cover.getAsDouble() / capacity - 1e-9));
    return new Proposal(
        desired,
        Reason.NOISE_FLOOR,
        String.format(
            Locale.ROOT,
            "%s: recent level %.4g, holding %.4g (margin learned from %d errors) within %s / %.4g per "
                + "replica at full capacity = %d",
            rule.label(),
            level,
            cover.getAsDouble(),
            tracker.samples(),
            horizon,
            capacity,
            desired),
        null,
        Double.NaN);
  }

  private Proposal proposeFromDemand(
      AppScalingSpec spec, DemandCheck check, Duration horizon, ScalerState state, Instant now) {
    Series history = check.series();
    state.accuracy().reconcile(history);
    state.accuracy().trim(now, spec.accuracyWindow());
    state.peakResiduals().reconcile(history);
    state.peakResiduals().trim(now, spec.accuracyWindow());

    int needed = Math.max(MIN_HISTORY_POINTS, Steps.covering(MIN_HISTORY, spec.step()));
    if (history.validCount() < needed) {
      return new Proposal(
          spec.minReplicas(),
          Reason.REACTIVE,
          "only "
              + history.validCount()
              + " valid demand samples, forecasting needs "
              + needed
              + "; HPA reacts above replicas.min",
          null,
          Double.NaN);
    }

    if (spec.noiseFloor().isPresent()) {
      return proposeNoiseFloor(spec, spec.noiseFloor().get(), history, horizon, state, now);
    }
    // Cover (end of data, now + horizon]: if the data lags, the gap is forecast too.
    Instant until = now.plus(horizon);
    int steps = Steps.covering(Duration.between(history.end(), until), spec.step());
    int leadSteps = Steps.covering(horizon, spec.step());
    Forecast forecast = ForecastStage.run(forecasters, spec, history, steps, leadSteps, state, now);
    double peak = forecast.peakBetween(now, until);
    if (Double.isNaN(peak)) {
      peak = forecast.get(forecast.size() - 1);
    }
    int last = forecast.size() - 1;
    state.accuracy().expect(forecast.timeAt(last), forecast.get(last));
    state.peakResiduals().expect(now, until, peak);

    double error = state.accuracy().error();
    int samples = state.accuracy().samples();
    boolean trusted =
        state.gate().update(error, samples, spec.maxForecastError(), spec.minAccuracySamples());
    if (!trusted) {
      return new Proposal(
          spec.minReplicas(),
          Reason.FALLBACK,
          String.format(
              "forecast error (WAPE) %.2f over the last %s exceeds %.2f; reactive only until it drops below %.2f",
              error,
              spec.accuracyWindow(),
              spec.maxForecastError(),
              spec.maxForecastError() * AccuracyGate.RECOVERY_RATIO),
          forecast,
          peak);
    }
    // Fixed headroom until enough horizons are scored; then the learned margin: the floor holds the
    // marginQuantile of the actual horizon peak (forecast peak x (1 + that quantile of recent
    // relative
    // errors)) at full capacity, i.e. at targetUtilization of targetPerReplica; the HPA scales
    // above it.
    double margin = spec.headroom();
    String marginKind = "headroom";
    PeakResidualTracker residuals = state.peakResiduals();
    if (spec.marginQuantile() > 0 && residuals.samples() >= spec.minAccuracySamples()) {
      double q =
          Math.max(
              MIN_LEARNED_RESIDUAL,
              Math.min(spec.maxMargin(), residuals.quantile(spec.marginQuantile())));
      margin = (1 + q) * spec.targetUtilization() - 1;
      marginKind =
          String.format(
              "learned margin: p%.0f of %d horizon-peak errors %+.2f at %.0f %% utilisation",
              spec.marginQuantile() * 100, residuals.samples(), q, spec.targetUtilization() * 100);
    }
    double replicas = peak * (1 + margin) / spec.targetPerReplica();
    // The epsilon keeps float noise (e.g. 3.0000000000000004) from costing a whole replica.
    int desired = (int) Math.min(Integer.MAX_VALUE, Math.ceil(replicas - 1e-9));
    return new Proposal(
        desired,
        Reason.FORECAST,
        String.format(
            "forecast peak %.4g within %s x (1 %+.2f %s) / %.4g per replica = %d",
            peak, horizon, margin, marginKind, spec.targetPerReplica(), desired),
        forecast,
        peak);
  }
}
