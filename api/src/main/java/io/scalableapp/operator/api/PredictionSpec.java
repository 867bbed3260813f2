package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

@ValidationRule(
    value = "self.mode == 'Off' || (has(self.query) && size(self.query) > 0)",
    message = "prediction.query is required unless prediction.mode is Off")
@ValidationRule(
    value = "self.mode == 'Off' || has(self.targetPerReplica)",
    message = "prediction.targetPerReplica is required unless prediction.mode is Off")
@ValidationRule(
    value = "!has(self.targetPerReplica) || self.targetPerReplica > 0.0",
    message = "prediction.targetPerReplica must be greater than 0")
// Holt-Winters initialises from two whole seasons (the engine's HoltWintersState.minimumLength);
// with
// less it silently forecasts without a season, which is not what the user asked for.
@ValidationRule(
    value =
        "self.seasonality != 'Daily' || !self.lookback"
            + DurationCel.READABLE
            + " || self.lookback"
            + DurationCel.IN_SECONDS
            + " >= "
            + PredictionSpec.DAILY_LOOKBACK_SECONDS,
    message =
        "prediction.lookback must be at least 2d when seasonality is Daily: a daily cycle needs two days of history")
@ValidationRule(
    value =
        "self.seasonality != 'Weekly' || !self.lookback"
            + DurationCel.READABLE
            + " || self.lookback"
            + DurationCel.IN_SECONDS
            + " >= "
            + PredictionSpec.WEEKLY_LOOKBACK_SECONDS,
    message =
        "prediction.lookback must be at least 14d when seasonality is Weekly: "
            + "a weekly cycle needs two weeks of history")
@ValidationRule(
    value = "self.mode != 'Off' || !has(self.schedules) || size(self.schedules) == 0",
    message =
        "prediction.schedules act on the prediction floor: set prediction.mode to Enforce "
            + "(or Shadow to see them in status first)")
@ValidationRule(
    value =
        "!has(self.surgeHold) || !has(self.surgeHold.holdFor) || !self.surgeHold.holdFor"
            + DurationCel.READABLE
            + " || !self.lookback"
            + DurationCel.READABLE
            + " || self.surgeHold.holdFor"
            + DurationCel.IN_SECONDS
            + " + "
            + SurgeHoldSpec.LEVEL_WINDOW_SECONDS
            + " <= self.lookback"
            + DurationCel.IN_SECONDS,
    message =
        "prediction.surgeHold.holdFor plus 10m must fit in prediction.lookback: the hold is recomputed from "
            + "the fetched history")
public class PredictionSpec {
  public static final int MAX_SCHEDULES = 20;

  /** Durations such as 90s, 5m, 1h30m, 7d. */
  public static final String DURATION_PATTERN = DurationCel.PATTERN;

  /**
   * Shortest lookback admitted. Longer than any step the operator accepts
   * (PredictionSettings.MAX_STEP), so the engine's "lookback must be longer than step" always
   * holds, and twice the 30 minutes of history the engine needs before it forecasts at all.
   */
  public static final long MIN_LOOKBACK_SECONDS = DurationCel.HOUR;

  /**
   * Five weeks: two weekly seasons with room to spare; more only costs memory and Prometheus time.
   */
  public static final long MAX_LOOKBACK_SECONDS = 35 * DurationCel.DAY;

  public static final long DAILY_LOOKBACK_SECONDS = 2 * DurationCel.DAY;
  public static final long WEEKLY_LOOKBACK_SECONDS = 14 * DurationCel.DAY;
  public static final long MIN_HORIZON_SECONDS = 10;
  public static final long MAX_HORIZON_SECONDS = DurationCel.DAY;

  /** The HPA's own limit for a stabilization window. */
  public static final long MAX_STABILIZATION_SECONDS = DurationCel.HOUR;

  public static final long MAX_HOLD_SECONDS = DurationCel.DAY;

  public enum Mode {
    Off,
    Shadow,
    Enforce,
    Auto
  }

  public enum Seasonality {
    Auto,
    Daily,
    Weekly,
    None
  }

  public enum Model {
    Auto,
    SeasonalProfile,
    HoltWinters,
    Linear,
    SeasonalNaive
  }

  @JsonPropertyDescription(
      "Off: no forecasting. Shadow: forecast and report in status, change nothing. "
          + "Enforce: keep the replica floor (the HPA's minReplicas, or the Deployment's replicas without an HPA) "
          + "at the capacity the forecast needs. Auto: Shadow until the app's own recent demand, replayed by the "
          + "operator (by default hourly, once it holds 2 days of history), shows the forecast floor with fewer "
          + "under-provisioned minutes than the HPA alone at the same cost (the best of CPU target and scale-down window), "
          + "then Enforce; back to Shadow when that "
          + "stops. Needs an HPA; status.prediction.autoMode shows the evidence, and each switch is an Event.")
  @Default("Off")
  private Mode mode = Mode.Off;

  @JsonPropertyDescription(
      "PromQL query returning this app's demand as one series, e.g. "
          + "sum(rate(http_requests_total{app=\"shop\"}[2m])).")
  private String query;

  @JsonPropertyDescription(
      "Demand one replica serves at the HPA's CPU target, in the unit of the query "
          + "(e.g. requests per second). The floor keeps the forecast peak, plus a margin, within the replicas' full "
          + "capacity; the HPA adds replicas above it.")
  private Double targetPerReplica;

  @JsonPropertyDescription(
      "How far ahead capacity is provisioned, from 10s to 24h. Default: the p95 time this app's pods took "
          + "from creation to ready, as the operator observed it, plus one minute.")
  @Pattern(DURATION_PATTERN)
  @Size(max = DurationCel.MAX_LENGTH)
  @ValidationRule(
      value =
          "!self"
              + DurationCel.READABLE
              + " || (self"
              + DurationCel.IN_SECONDS
              + " >= "
              + MIN_HORIZON_SECONDS
              + " && self"
              + DurationCel.IN_SECONDS
              + " <= "
              + MAX_HORIZON_SECONDS
              + ")",
      message =
          "prediction.horizon must be between 10s and 24h: it is how far ahead capacity is provisioned, "
              + "about the time a new pod takes to become ready")
  private String horizon;

  @JsonPropertyDescription(
      "Seasonal cycle of the demand: Auto detects daily or weekly cycles from the history.")
  @Default("Auto")
  private Seasonality seasonality = Seasonality.Auto;

  @JsonPropertyDescription(
      "How much history is fitted, from 1h to 35d. A seasonal cycle needs two of itself: "
          + "Daily seasonality needs at least 2d, Weekly at least 14d.")
  @Default("7d")
  @Pattern(DURATION_PATTERN)
  @Size(max = DurationCel.MAX_LENGTH)
  @ValidationRule(
      value =
          "!self"
              + DurationCel.READABLE
              + " || self"
              + DurationCel.IN_SECONDS
              + " >= "
              + MIN_LOOKBACK_SECONDS,
      message =
          "prediction.lookback must be at least 1h: the forecast needs history covering many steps")
  @ValidationRule(
      value =
          "!self"
              + DurationCel.READABLE
              + " || self"
              + DurationCel.IN_SECONDS
              + " <= "
              + MAX_LOOKBACK_SECONDS,
      message = "prediction.lookback must be at most 35d")
  private String lookback = "7d";

  @JsonPropertyDescription(
      "Extra capacity on top of the forecast peak, in percent, until ten forecasts have been "
          + "checked against the demand that followed; from then on the margin is learned from those errors "
          + "(their 90th percentile over the last hour).")
  @Default("10")
  @Min(0)
  @Max(1000)
  private int headroomPercent = 10;

  @JsonPropertyDescription(
      "Forecasting model. Auto forecasts with every candidate, scores each against the "
          + "demand that follows, and uses SeasonalProfile (daily profile plus today's deviation from it) unless "
          + "another candidate's error over the last day is clearly lower, then that one: HoltWinters (seasonal), "
          + "Linear (trend) or SeasonalNaive.")
  @Default("Auto")
  private Model model = Model.Auto;

  @JsonPropertyDescription(
      "Most replicas the floor may rise by within one minute; 0 means no limit.")
  @Default("0")
  @Min(0)
  @Max(ReplicasSpec.MAX_REPLICAS)
  private int scaleUpReplicasPerMinute = 0;

  @JsonPropertyDescription(
      "Most of the floor, in percent, that may be removed within one minute (at least one replica).")
  @Default("20")
  @Min(1)
  @Max(100)
  private int scaleDownPercentPerMinute = 20;

  @JsonPropertyDescription(
      "A lower floor waits this long (at most 1h): the floor falls only to the highest "
          + "recommendation of this window, as the HPA does.")
  @Default("5m")
  @Pattern(DURATION_PATTERN)
  @Size(max = DurationCel.MAX_LENGTH)
  @ValidationRule(
      value =
          "!self"
              + DurationCel.READABLE
              + " || self"
              + DurationCel.IN_SECONDS
              + " <= "
              + MAX_STABILIZATION_SECONDS,
      message =
          "prediction.scaleDownStabilization must be at most 1h, the HPA's own limit for a stabilization window")
  private String scaleDownStabilization = "5m";

  @JsonPropertyDescription(
      "When metrics are unavailable the last floor is held this long (at most 24h), "
          + "then decays to replicas.min.")
  @Default("10m")
  @Pattern(DURATION_PATTERN)
  @Size(max = DurationCel.MAX_LENGTH)
  @ValidationRule(
      value =
          "!self"
              + DurationCel.READABLE
              + " || self"
              + DurationCel.IN_SECONDS
              + " <= "
              + MAX_HOLD_SECONDS,
      message =
          "prediction.holdOnMetricsLoss must be at most 24h: a floor held longer without metrics is a guess")
  private String holdOnMetricsLoss = "10m";

  @JsonPropertyDescription(
      "Rolling forecast error (weighted absolute percentage, over the last hour) above which "
          + "Enforce falls back to reactive scaling until accuracy returns.")
  @Default("50")
  @Min(1)
  @Max(1000)
  private int maxForecastErrorPercent = 50;

  @JsonPropertyDescription(
      "Prometheus base URL for this app, e.g. http://prometheus.monitoring:9090. "
          + "Default: the operator's scalableapp.prometheus.url setting. Any other server must be on the operator's "
          + "scalableapp.prediction.prometheus-allowlist (chart: prometheus.allowedUrls), else the operator sends it "
          + "nothing and reports Predicting=False (InvalidSettings).")
  @Size(max = 2048)
  // Stricter than any URL parser: the operator builds a java.net.URI from it, which rejects spaces
  // and more.
  @ValidationRule(
      value = "self.matches('^https?://[-A-Za-z0-9.:@%_~]+(/[-A-Za-z0-9._~%/]*)?$')",
      message =
          "prediction.prometheusUrl must be an http or https URL such as http://prometheus.monitoring:9090")
  // The operator reads Prometheus without credentials, and the URL is quoted in status, Events and
  // logs: a password written into it would be shown to everyone who can read those.
  @ValidationRule(
      value = "!self.matches('^https?://[^/]*@')",
      message =
          "prediction.prometheusUrl must not carry credentials (user:password@): they would be shown in status and Events")
  private String prometheusUrl;

  @JsonPropertyDescription(
      "Windows that set the floor for known events, combined with the forecast: during a "
          + "window the floor is max(min(forecast floor, lowest floorCap), highest minReplicas), then bounded by "
          + "replicas.min and replicas.max; when a window ends the floor comes down through scaleDownStabilization "
          + "and scaleDownPercentPerMinute. Shadow reports them in status without applying them.")
  @Size(max = MAX_SCHEDULES)
  @ValidationRule(
      value = "self.all(s, self.exists_one(t, t.name == s.name))",
      message = "prediction.schedules names must be unique")
  private List<PredictionSchedule> schedules = new ArrayList<>();

  @JsonPropertyDescription(
      "Hold capacity through a bursty spell: after a minute whose demand jumps above "
          + "jumpRatio x its recent level, the floor keeps replicas for the highest demand of the last holdFor "
          + "(at targetPerReplica) until holdFor passes without another jump; combined with the forecast floor by max(). "
          + "Recomputed from the fetched history at every evaluation, so a restart keeps it. Absent: off.")
  private SurgeHoldSpec surgeHold;

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public Double getTargetPerReplica() {
    return targetPerReplica;
  }

  public void setTargetPerReplica(Double targetPerReplica) {
    this.targetPerReplica = targetPerReplica;
  }

  public String getHorizon() {
    return horizon;
  }

  public void setHorizon(String horizon) {
    this.horizon = horizon;
  }

  public Seasonality getSeasonality() {
    return seasonality;
  }

  public void setSeasonality(Seasonality seasonality) {
    this.seasonality = seasonality;
  }

  public String getLookback() {
    return lookback;
  }

  public void setLookback(String lookback) {
    this.lookback = lookback;
  }

  public int getHeadroomPercent() {
    return headroomPercent;
  }

  public void setHeadroomPercent(int headroomPercent) {
    this.headroomPercent = headroomPercent;
  }

  public Model getModel() {
    return model;
  }

  public void setModel(Model model) {
    this.model = model;
  }

  public int getScaleUpReplicasPerMinute() {
    return scaleUpReplicasPerMinute;
  }

  public void setScaleUpReplicasPerMinute(int value) {
    this.scaleUpReplicasPerMinute = value;
  }

  public int getScaleDownPercentPerMinute() {
    return scaleDownPercentPerMinute;
  }

  public void setScaleDownPercentPerMinute(int value) {
    this.scaleDownPercentPerMinute = value;
  }

  public String getScaleDownStabilization() {
    return scaleDownStabilization;
  }

  public void setScaleDownStabilization(String value) {
    this.scaleDownStabilization = value;
  }

  public String getHoldOnMetricsLoss() {
    return holdOnMetricsLoss;
  }

  public void setHoldOnMetricsLoss(String holdOnMetricsLoss) {
    this.holdOnMetricsLoss = holdOnMetricsLoss;
  }

  public int getMaxForecastErrorPercent() {
    return maxForecastErrorPercent;
  }

  public void setMaxForecastErrorPercent(int value) {
    this.maxForecastErrorPercent = value;
  }

  public List<PredictionSchedule> getSchedules() {
    return schedules;
  }

  public void setSchedules(List<PredictionSchedule> schedules) {
    this.schedules = schedules;
  }

  public SurgeHoldSpec getSurgeHold() {
    return surgeHold;
  }

  public void setSurgeHold(SurgeHoldSpec surgeHold) {
    this.surgeHold = surgeHold;
  }

  public String getPrometheusUrl() {
    return prometheusUrl;
  }

  public void setPrometheusUrl(String prometheusUrl) {
    this.prometheusUrl = prometheusUrl;
  }
}
