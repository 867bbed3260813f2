package io.scalableapp.lab;

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
import io.scalableapp.lab.predictive.PublishedProtocol;
import io.scalableapp.lab.report.BusyDayChart;
import io.scalableapp.lab.report.LabReport;
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
                publishedResults, "", charts, runtime, ""));
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
            Trace nasa = catalog.nasa();
            PublishedProtocol protocol = new PublishedProtocol(Duration.ofDays(7));
            List<PublishedProtocol.Result> results = new ArrayList<>();
            for (ForecastModel model : ForecastModel.values()) {
                results.add(protocol.evaluate(nasa, model));
            }
            return results;
        };
    }

    private static String setup(List<Scenario> scenarios) {
        return "";
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[scaling-lab] " + format + "%n", args);
    }
}
