package io.scalableapp.lab;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.lab.cluster.CapacityRule;
import io.scalableapp.lab.cluster.WorkloadModel;
import io.scalableapp.lab.experiment.ExperimentRunner;
import io.scalableapp.lab.experiment.PlannedRun;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.RunOutcome;
import io.scalableapp.lab.experiment.Scenario;
import io.scalableapp.lab.hpa.HorizontalPodAutoscalerModel;
import io.scalableapp.lab.hpa.HpaSettings;
import io.scalableapp.lab.predictive.ForecastDegradation;
import io.scalableapp.lab.predictive.PredictiveRuns;
import io.scalableapp.lab.predictive.PublishedProtocol;
import io.scalableapp.lab.report.BusyDayChart;
import io.scalableapp.lab.report.LabReport;
import io.scalableapp.lab.report.MarkdownTable;
import io.scalableapp.lab.sim.FloorSchedule;
import io.scalableapp.lab.sim.HpaPolicy;
import io.scalableapp.lab.sim.StaticPolicy;
import io.scalableapp.lab.trace.Trace;
import io.scalableapp.lab.trace.TraceCatalog;
import io.scalableapp.lab.trace.TrainTestSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Replays the real traces through the static, reactive-HPA and predictive-floor policies and writes the
 * report and charts. Usage: see {@link LabOptions}.
 */
public final class ScalingLab {

    static final List<Duration> STARTUP_DELAYS = List.of(Duration.ofSeconds(60), Duration.ofSeconds(180));
    /** Simulated before the test part so that controllers and the engine's rolling state are settled. */
    static final int WARM_UP_MINUTES = 1440;
    static final int HPA_TARGET_PERCENT = 70;
    static final int HPA_MIN_REPLICAS = 1;
    static final int HPA_MAX_REPLICAS = 200;

    static final PredictiveRuns PREDICTIVE = new PredictiveRuns(HPA_MIN_REPLICAS, HPA_MAX_REPLICAS,
            HPA_TARGET_PERCENT / 100.0, ScalingLab::newHpa);
    static final List<ForecastDegradation> DEGRADATIONS = List.of(ForecastDegradation.bias(0.5),
            ForecastDegradation.bias(-0.5), ForecastDegradation.early(Duration.ofHours(1)));

    /** The engine's default history window; the published protocol uses the same, chosen before any result. */
    static final Duration ENGINE_LOOKBACK = AppScalingSpec.builder().targetPerReplica(1).build().lookback();

    static final String PUBLISHED_NOTE = """
            Protocol of the public project K-vibe-sat-canh/autoscaling: NASA requests per 5 minutes, outage minutes \
            filled by linear interpolation, train 1995-07-01 .. 08-22, test 08-23 .. 08-31 (2,592 buckets), \
            one-step-ahead forecasts, MAPE. Our models are the engine's forecasters, refitted at every test bucket on \
            the trailing %s (the engine's default lookback, fixed before looking at results), season detected once on \
            the training part. Their XGBoost and Prophet figures are quoted, not re-run.""".formatted(human(ENGINE_LOOKBACK));

    static final String NOTES = """
            ## The floor rule: a learned margin instead of a fixed headroom

            The engine used to size the floor as forecast peak x (1 + 10 % headroom) / targetPerReplica. That stacked \
            10 % on top of the HPA's own 43 % (70 % target) even where the forecast was good (WorldCup: +11-14 % \
            replica-hours for nothing), and was far too little where minute-to-minute noise is large (NASA). It now \
            learns the margin at run time from its own errors: every evaluation remembers its forecast peak for the \
            horizon, and once the actuals of that horizon have arrived it scores actual peak / forecast peak - 1. \
            The floor holds forecast peak x (1 + the 90th percentile of those errors over the last hour, clamped to \
            [-0.5, +2.0]) at a replica's *full* capacity (targetPerReplica / targetUtilization, here capacity x 70 % / \
            0.7): the floor alone covers the demand peak of 9 horizons in 10, and the HPA still scales above it. Smooth \
            series get almost no floor above what the HPA holds anyway; noisy ones get a wide margin; a biased forecast \
            is partly corrected by its own errors. The fixed headroom still applies until 10 horizons are scored.

            The numbers in the rule were chosen on the training part only, once, for both traces: the last 30 % of \
            each training part (NASA 1995-08-04 .. 08-13, WorldCup 1998-06-12 .. 06-30) was replayed with \
            Holt-Winters for a handful of candidates, and the highest-coverage one that stayed within +10 % \
            replica-hours in all four scenarios was kept: p90 with the cap at +200 % (NASA -41 % / -47 % \
            under-provisioned minutes at +4.1 % / +6.7 % replica-hours, WorldCup +0.5 % / +0.3 %). Rejected there: \
            p95 (NASA 180 s +11.7 %), a cap of +100 % (NASA -38 % / -45 %), and stacking the quantile on the 70 % target \
            instead of full capacity (p50: NASA -32 % / -50 % but WorldCup +7.6 % / +9.4 %; p75: NASA 180 s +17.9 %).

            Before this rule (fixed 10 % headroom, same lab otherwise) the headline was: NASA 60 s AUTO -37.0 % at \
            +3.0 %, HOLT_WINTERS -37.5 % at +2.4 %; NASA 180 s AUTO -41.6 % at +3.2 %, HOLT_WINTERS -43.3 % at +2.7 %; \
            WorldCup 60 s AUTO +14.0 % and HOLT_WINTERS +13.4 % replica-hours for no fewer under-provisioned minutes, \
            180 s +13.2 % and +14.4 % for one fewer.

            ## Why the target is still missed

            - **NASA**: at 7 req/min per replica a busy minute is only ~100-200 requests, so minute-to-minute noise \
            is large: the best one-step MAPE is ~48 %. The learned margin lifts the reduction of under-provisioned \
            minutes from 37-43 % to 47-59 % (AUTO and Holt-Winters) for +3-8 % replica-hours, but most of what \
            remains still follows a single-minute jump of more than 43 % (column "after a jump"): covering those needs \
            a floor sized on a far higher quantile, and on the training part p95 already broke the 10 % cost budget.
            - **WorldCup**: per-minute traffic is large and smooth relative to a replica, so the reactive HPA's 43 % \
            headroom already absorbs almost everything (a handful of minutes, ~0.01 % unserved, all at sharp jumps). \
            There is nothing left for a floor to win; with the learned margin the floor no longer costs 11-14 % but \
            about 1 % more replica-hours, because its small errors give it almost no margin at full capacity.
            - **Bad forecasts**: the learned margin widens when forecasts miss, so an hour's phase shift now costs \
            up to +10 % replica-hours on WorldCup (was up to +17 % with the fixed headroom) while it never \
            under-provisions more than the reactive HPA; a +50 % bias is largely taken back by the negative errors it \
            produces (+3 % replica-hours, was +14-15 % on WorldCup).

            ## Limits of this lab

            - The reactive baseline is idealised in its favour: no metrics-pipeline lag, no CPU initialisation \
            period, utilisation uncapped (a saturated pod still reports the full offered load). A real HPA reacts \
            later, so real gains of a floor are likely larger than shown here, not smaller.
            - Pods are created the instant the HPA asks (no scheduling or image-pull delay beyond the startup delay) \
            and unserved demand is lost rather than queued or retried.
            - Demand is constant within each minute, so sub-minute bursts are invisible to every policy alike.
            - The horizon accuracy is the forecast *peak* over the horizon against the actual peak over the same \
            minutes, because the engine's `Recommendation` exposes the forecast peak and the next-minute forecast, not \
            the forecast series; a pointwise h-step error needs the engine to expose the series.
            """;

    private ScalingLab() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        LabOptions options = LabOptions.parse(args);
        Path tracesDir = options.traces() != null ? options.traces() : TraceCatalog.locate(Path.of(""));
        TraceCatalog catalog = new TraceCatalog(tracesDir);
        List<Trace> traces = new ArrayList<>(List.of(catalog.nasa(), catalog.worldCup()));
        options.userTraces().forEach((name, file) -> traces.add(catalog.user(name, file)));

        List<Scenario> scenarios = new ArrayList<>();
        List<PlannedRun> plan = new ArrayList<>();
        for (Trace trace : traces) {
            TrainTestSplit split = TrainTestSplit.of(trace);
            double capacity = CapacityRule.capacityPerReplica(trace, split);
            for (Duration delay : STARTUP_DELAYS) {
                Scenario s = new Scenario(trace, split, new WorkloadModel(capacity, delay), WARM_UP_MINUTES);
                scenarios.add(s);
                plan.addAll(baselineRuns(s));
                for (ForecastModel model : ForecastModel.values()) {
                    plan.add(PREDICTIVE.run(s, model));
                }
                for (ForecastDegradation degradation : DEGRADATIONS) {
                    plan.add(PREDICTIVE.degraded(s, degradation));
                }
            }
        }
        log("%d runs on %d threads", plan.size(), options.threads());

        ExecutorService side = Executors.newSingleThreadExecutor();
        Future<List<PublishedProtocol.Result>> published = side.submit(publishedProtocol(options, catalog));
        List<RunOutcome> outcomes = new ExperimentRunner(options.threads()).runAll(plan);
        List<PublishedProtocol.Result> publishedResults = published.get();
        side.shutdown();

        Files.createDirectories(options.out());
        Map<Scenario, String> charts = new LinkedHashMap<>();
        LabReport.byScenario(outcomes).forEach((s, runs) -> charts.put(s, BusyDayChart.write(options.out(), s, runs)));
        String runtime = String.format(Locale.ROOT, "%.0f s wall clock on %d threads (%d processors visible)",
                (System.nanoTime() - started) / 1e9, options.threads(), Runtime.getRuntime().availableProcessors());
        LabReport.write(options.out().resolve("README.md"), new LabReport.Input(setup(scenarios), scenarios, outcomes,
                publishedResults, PUBLISHED_NOTE, charts, runtime, NOTES));
        log("wrote %s in %s", options.out().resolve("README.md"), runtime);
    }

    static List<PlannedRun> baselineRuns(Scenario s) {
        Trace trace = s.trace();
        int staticReplicas = (int) Math.ceil(trace.peak(0, s.split().testStart()) / s.workload().capacityPerReplica());
        return List.of(
                new PlannedRun(s, PolicyKind.STATIC, "static at training peak (" + staticReplicas + ")",
                        () -> PlannedRun.PolicyUnderTest.withoutForecasts(new StaticPolicy("static", staticReplicas))),
                new PlannedRun(s, PolicyKind.REACTIVE, "reactive HPA",
                        () -> PlannedRun.PolicyUnderTest.withoutForecasts(new HpaPolicy("reactive", newHpa(),
                                FloorSchedule.constant(HPA_MIN_REPLICAS)))));
    }

    static HorizontalPodAutoscalerModel newHpa() {
        return new HorizontalPodAutoscalerModel(HpaSettings.kubernetesDefaults(HPA_TARGET_PERCENT, HPA_MAX_REPLICAS));
    }

    private static Callable<List<PublishedProtocol.Result>> publishedProtocol(LabOptions options, TraceCatalog catalog) {
        return () -> {
            if (!options.published()) {
                return List.of();
            }
            PublishedProtocol protocol = new PublishedProtocol(catalog.nasa());
            List<PublishedProtocol.Result> results = new ArrayList<>();
            for (ForecastModel model : ForecastModel.values()) {
                results.add(protocol.evaluate(model));
            }
            return results;
        };
    }

    private static String setup(List<Scenario> scenarios) {
        StringBuilder md = new StringBuilder("## Setup\n\n");
        MarkdownTable t = new MarkdownTable("trace", "minutes (observed)", "training part", "test part (scored)",
                "capacity per replica", "training peak", "test peak");
        for (Scenario s : scenarios) {
            if (!s.workload().startupDelay().equals(STARTUP_DELAYS.get(0))) {
                continue;
            }
            Trace tr = s.trace();
            int cut = s.split().testStart();
            t.row(tr.name(), String.format(Locale.ROOT, "%,d (%,d)", tr.length(), tr.observedCount()),
                    tr.minute(0) + " .. " + tr.minute(cut - 1), tr.minute(cut) + " .. " + tr.minute(tr.length() - 1),
                    String.format(Locale.ROOT, "%.0f req/min", s.workload().capacityPerReplica()),
                    String.format(Locale.ROOT, "%.0f req/min", tr.peak(0, cut)),
                    String.format(Locale.ROOT, "%.0f req/min", tr.peak(cut, tr.length())));
        }
        md.append(t.render()).append('\n');
        AppScalingSpec example = PREDICTIVE.spec(scenarios.get(0), ForecastModel.AUTO);
        md.append("""
                - **Traces**: `../shared/traces` (per-minute request counts). Minutes absent from a file are zero demand;
                  the NASA log gaps (July log ends 1995-07-28 13:32, outage 1995-08-01 14:52 .. 08-03 04:36) are
                  masked: never scored, shown to the engine as missing (NaN), replayed to the cluster as the last
                  observed demand. Both gaps fall in NASA's training part.
                - **Split**: first 70 %% of each trace's minutes for fitting and sizing, last 30 %% scored. The capacity
                  rule, the static size and all settings use the training part or fixed defaults only; nothing was
                  tuned on the test part.
                - **Workload**: capacity per replica = ceil(p99.9 of training demand / 40), so busy minutes need a few
                  dozen replicas. A pod is ready %s after it is created (both delays run). Demand is constant within
                  its minute; the simulation ticks every 15 s; demand above the ready pods' capacity is unserved (lost,
                  not queued). Scale-down removes not-ready pods first, then the newest.
                - **Static**: ceil(training peak / capacity) replicas, no autoscaling.
                - **Reactive HPA** (`HorizontalPodAutoscalerModel`, unit-tested rule by rule): CPU utilisation target
                  %d %%, minReplicas %d, maxReplicas %d, 15 s sync, 10 %% tolerance, utilisation truncated to whole percent
                  over ready pods, not-ready pods counted idle on scale-up (and the scale-up dropped if that flips the
                  ratio), 5 min scale-down stabilisation, scale-up max(100 %%, 4 pods) per 15 s, scale-down 100 %% per
                  15 s. A pod's utilisation is demand / (ready pods x capacity), uncapped: the HPA sees the full offered
                  load at once, with no metrics lag, which is the most favourable reading for the reactive baseline.
                - **Predictive floor + HPA**: what the operator runs. Every %d s the engine's `PredictiveScaler` evaluates
                  the app on a simulated clock against an `InMemoryDemandSource` holding the trace (each minute stamped
                  at its end, so no future leaks); its floor becomes the same HPA's minReplicas and the HPA keeps
                  reacting above it. Engine settings are its defaults except: mode ENFORCE, model as named,
                  targetPerReplica = capacity x %d %% (the HPA's target, so both agree on "enough") with
                  targetUtilization %.2f (so the engine knows a replica's full capacity), replicas %d..%d.
                  Defaults in force: lookback %s, step %s, learned margin at the p%.0f of recent horizon-peak errors
                  (capped at +%.0f %%; fixed headroom %.0f %% until %d horizons are scored), seasonality %s, max forecast
                  error (WAPE) %.2f over %s, hold %s, scale-down stabilisation %s, AUTO re-selection every %s.
                  Horizon = learned pod-ready p95 (the startup delay) + %s margin.
                - **Warm-up**: each run starts %d minutes before the test part (simulated, not scored).
                """.formatted(
                STARTUP_DELAYS.stream().map(d -> d.toSeconds() + " s").collect(java.util.stream.Collectors.joining(" or ")),
                HPA_TARGET_PERCENT, HPA_MIN_REPLICAS, HPA_MAX_REPLICAS,
                PredictiveRuns.EVALUATION_INTERVAL.toSeconds(), HPA_TARGET_PERCENT, example.targetUtilization(),
                HPA_MIN_REPLICAS, HPA_MAX_REPLICAS,
                human(example.lookback()), human(example.step()), example.marginQuantile() * 100,
                example.maxMargin() * 100, example.headroom() * 100, example.minAccuracySamples(), example.seasonality(),
                example.maxForecastError(), human(example.accuracyWindow()), human(example.holdDuration()),
                human(example.scaleDownStabilization()), human(example.modelReselectEvery()), human(example.horizonMargin()),
                WARM_UP_MINUTES));
        return md.toString();
    }

    static String human(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + " d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + " h";
        }
        return d.toMinutes() + " min";
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[scaling-lab] " + format + "%n", args);
    }
}
