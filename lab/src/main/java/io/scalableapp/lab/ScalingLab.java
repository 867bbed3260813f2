package io.scalableapp.lab;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.replay.cluster.WorkloadModel;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.engine.replay.sim.StaticPolicy;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.experiment.ExperimentRunner;
import io.scalableapp.lab.experiment.PlannedRun;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.RunOutcome;
import io.scalableapp.lab.experiment.Scenario;
import io.scalableapp.lab.frontier.ReactiveEnvelope;
import io.scalableapp.lab.frontier.StabilisationSweep;
import io.scalableapp.lab.jump.JumpFloorTuning;
import io.scalableapp.lab.noise.NoiseFloorTuning;
import io.scalableapp.lab.predictive.EngineFloor;
import io.scalableapp.lab.predictive.ForecastDegradation;
import io.scalableapp.lab.predictive.PublishedProtocol;
import io.scalableapp.lab.report.BusyDayChart;
import io.scalableapp.lab.report.FrontierChart;
import io.scalableapp.lab.report.HpaCalibrationSection;
import io.scalableapp.lab.report.LabReport;
import io.scalableapp.lab.report.SetupSection;
import io.scalableapp.lab.trace.TraceCatalog;
import io.scalableapp.lab.trace.TraceLoader;
import io.scalableapp.lab.trace.TrainTestSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Replays traces through the static, reactive-HPA (swept over CPU targets, ideal and realistic),
 * predictive-floor and jump-floor policies and writes the report and charts. Usage: see {@link
 * LabOptions}.
 *
 * <p>Three phases: the jump floors are chosen on the training parts; the engine's floors are
 * recorded once per scenario and model; then every policy runs on the test parts.
 */
public final class ScalingLab {

  static final List<Duration> STARTUP_DELAYS =
      List.of(Duration.ofSeconds(60), Duration.ofSeconds(180));

  /**
   * Simulated before the scored part so that controllers and the engine's rolling state are
   * settled.
   */
  static final int WARM_UP_MINUTES = 1440;

  static final List<ForecastDegradation> DEGRADATIONS =
      List.of(
          ForecastDegradation.bias(0.5),
          ForecastDegradation.bias(-0.5),
          ForecastDegradation.early(Duration.ofHours(1)));

  /**
   * The engine's default history window; the published protocol uses the same, chosen before any
   * result.
   */
  static final Duration ENGINE_LOOKBACK =
      AppScalingSpec.builder().targetPerReplica(1).build().lookback();

  static final String PUBLISHED_NOTE =
      """
            Protocol of the public project K-vibe-sat-canh/autoscaling: NASA requests per 5 minutes, outage minutes \
            filled by linear interpolation, train 1995-07-01 .. 08-22, test 08-23 .. 08-31, one-step-ahead \
            forecasts, MAPE. Our models are the engine's forecasters, refitted at every test bucket on the trailing \
            %s (the engine's default lookback), season detected once on the training part. The XGBoost and \
            Prophet figures are quoted from that project, not re-run."""
          .formatted(SetupSection.human(ENGINE_LOOKBACK));

  private ScalingLab() {}

  public static void main(String[] args) throws Exception {
    LabOptions options;
    List<Trace> traces;
    try {
      options = LabOptions.parse(args);
      traces = traces(options);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      // bad options or a bad trace: the message says which (and for a trace, which line)
      System.err.println("[scaling-lab] " + e.getMessage());
      System.exit(2);
      return;
    }
    run(options, traces, tracesSource(options), LabSetup.standard(), LabReport.LAB_PREFACE);
  }

  /**
   * Replays {@code traces} (described in the report as {@code source}) with {@code setup}, writes
   * the report to options.out() and returns every run's outcome.
   */
  static List<RunOutcome> run(
      LabOptions options, List<Trace> traces, String source, LabSetup setup, String preface)
      throws Exception {
    long started = System.nanoTime();
    ExperimentRunner runner = new ExperimentRunner(options.threads());
    List<Scenario> scenarios = scenarios(traces, setup);

    log("forecasting every minute the noise floors need");
    setup.noise.prepare(runner, scenarios);
    Tuning tuned = tune(runner, scenarios, setup);
    List<JumpFloorTuning.Result> tuning = tuned.jump();
    if (options.tuneOnly()) {
      for (JumpFloorTuning.Result r : tuning) {
        System.out.printf(
            Locale.ROOT,
            "## %s, %s%n%n%s%n",
            r.validation().label(),
            r.variant().label(),
            LabReport.tuningTable(r));
      }
      return List.of();
    }

    ExecutorService side = Executors.newSingleThreadExecutor();
    Future<List<PublishedProtocol.Result>> published = side.submit(publishedProtocol(options));
    List<Supplier<EngineFloor>> recordings = new ArrayList<>();
    for (Scenario s : scenarios) {
      for (ForecastModel model : setup.models) {
        recordings.add(() -> setup.predictive.record(s, model));
      }
      for (ForecastDegradation degradation : DEGRADATIONS) {
        recordings.add(() -> setup.predictive.recordDegraded(s, degradation));
      }
    }
    log("recording %d engine floors on %d threads", recordings.size(), options.threads());
    List<EngineFloor> floors = runner.map(recordings, Supplier::get);

    List<PlannedRun> plan = testRuns(scenarios, floors, tuning, setup);
    for (Scenario s : scenarios) {
      tuned.noise().stream()
          .filter(r -> r.validation().equals(s.validation()))
          .forEach(
              r -> {
                plan.addAll(setup.noise.testRuns(s, r));
                plan.addAll(setup.noise.hindsightRuns(s, r));
              });
    }
    log("%d test runs on %d threads", plan.size(), options.threads());
    List<RunOutcome> outcomes = runner.runAll(plan);
    List<PublishedProtocol.Result> publishedResults = published.get();
    side.shutdown();

    Files.createDirectories(options.out());
    Map<Scenario, String> busyDay = new LinkedHashMap<>();
    Map<Scenario, String> frontierCharts = new LinkedHashMap<>();
    LabReport.byScenario(outcomes)
        .forEach(
            (s, runs) -> {
              busyDay.put(
                  s,
                  BusyDayChart.write(
                      options.out(),
                      s,
                      runs.stream()
                          .filter(
                              o ->
                                  o.variant() != HpaVariant.REALISTIC
                                      && (o.kind() == PolicyKind.STATIC
                                          || o.kind() == PolicyKind.REACTIVE
                                          || o.kind() == PolicyKind.PREDICTIVE))
                          .toList()));
              frontierCharts.put(s, frontierChart(options.out(), s, outcomes));
            });
    String runtime =
        String.format(
            Locale.ROOT,
            "%.0f s wall clock on %d threads (%d processors visible)",
            (System.nanoTime() - started) / 1e9,
            options.threads(),
            Runtime.getRuntime().availableProcessors());
    String setupSection =
        SetupSection.render(
                new SetupSection.Settings(
                    source,
                    scenarios,
                    STARTUP_DELAYS,
                    setup.referenceHpa(),
                    setup.minReplicas,
                    setup.predictive.spec(scenarios.get(0), setup.models.get(0)),
                    WARM_UP_MINUTES,
                    setup.sizingNote,
                    setup.engineNote))
            + calibrationSection(options, preface);
    LabReport.write(
        options.out().resolve("README.md"),
        new LabReport.Input(
            preface,
            setupSection,
            scenarios,
            outcomes,
            floors,
            tuning,
            tuned.noise(),
            publishedResults,
            PUBLISHED_NOTE,
            busyDay,
            frontierCharts,
            runtime,
            setup.hpaTargetPercent));
    log("wrote %s in %s", options.out().resolve("README.md"), runtime);
    return outcomes;
  }

  /**
   * The live calibration of the HPA model belongs to the lab's own report, not to a what-if for a
   * user's app.
   */
  private static String calibrationSection(LabOptions options, String preface) {
    if (!LabReport.LAB_PREFACE.equals(preface)) {
      return "";
    }
    return "\n"
        + HpaCalibrationSection.render(
            options.out().resolveSibling("bench-live").resolve("calibration.properties"),
            "../bench-live/README.md");
  }

  private static List<Trace> traces(LabOptions options) {
    if (!options.userTraces().isEmpty()) {
      TraceLoader loader = new TraceLoader();
      return options.userTraces().stream()
          .map(u -> loader.load(u.file(), u.name(), List.of()))
          .toList();
    }
    Path dir = options.traces() != null ? options.traces() : TraceCatalog.locate(Path.of(""));
    TraceCatalog catalog = new TraceCatalog(dir);
    List<Trace> all = List.of(catalog.nasa(), catalog.worldCup());
    for (String name : options.only()) {
      if (all.stream().noneMatch(t -> t.name().equals(name))) {
        throw new IllegalArgumentException(
            "--only " + name + ": the catalog has " + all.stream().map(Trace::name).toList());
      }
    }
    return options.only().isEmpty()
        ? all
        : all.stream().filter(t -> options.only().contains(t.name())).toList();
  }

  private static String tracesSource(LabOptions options) {
    if (!options.userTraces().isEmpty()) {
      return options.userTraces().stream()
          .map(u -> "`" + u.file().getFileName() + "`")
          .reduce((a, b) -> a + ", " + b)
          .orElseThrow();
    }
    return "`lab/traces` (per-minute request counts; NASA log gaps from its README)";
  }

  static List<Scenario> scenarios(List<Trace> traces, LabSetup setup) {
    List<Scenario> scenarios = new ArrayList<>();
    for (Trace trace : traces) {
      TrainTestSplit split = TrainTestSplit.of(trace);
      double capacity = setup.sizing.capacityPerReplica(trace, split);
      for (Duration delay : STARTUP_DELAYS) {
        scenarios.add(
            new Scenario(trace, split, new WorkloadModel(capacity, delay), WARM_UP_MINUTES));
      }
    }
    return scenarios;
  }

  /** What phase 1 chose on the training parts. */
  record Tuning(List<JumpFloorTuning.Result> jump, List<NoiseFloorTuning.Result> noise) {}

  /**
   * Phase 1: the jump floors and the noise-floor policies, chosen per scenario and HPA variant on
   * the training part.
   */
  static Tuning tune(ExperimentRunner runner, List<Scenario> scenarios, LabSetup setup) {
    List<PlannedRun> plan = new ArrayList<>();
    for (Scenario s : scenarios) {
      for (HpaVariant variant : HpaVariant.values()) {
        plan.addAll(setup.tuning.plan(s, variant));
        plan.addAll(setup.noise.plan(s, variant));
      }
    }
    log("%d tuning runs (training part)", plan.size());
    List<RunOutcome> outcomes = runner.runAll(plan);
    List<JumpFloorTuning.Result> jump = new ArrayList<>();
    List<NoiseFloorTuning.Result> noise = new ArrayList<>();
    for (Scenario s : scenarios) {
      for (HpaVariant variant : HpaVariant.values()) {
        jump.add(setup.tuning.choose(outcomes, s, variant));
        noise.add(setup.noise.choose(outcomes, s, variant));
      }
    }
    return new Tuning(jump, noise);
  }

  /** Phase 3: every policy on the test part. */
  static List<PlannedRun> testRuns(
      List<Scenario> scenarios,
      List<EngineFloor> floors,
      List<JumpFloorTuning.Result> tuning,
      LabSetup setup) {
    List<PlannedRun> plan = new ArrayList<>();
    for (Scenario s : scenarios) {
      int staticReplicas =
          (int)
              Math.ceil(
                  s.trace().peak(0, s.split().testStart()) / s.workload().capacityPerReplica());
      String label = "static at training peak (" + staticReplicas + ")";
      plan.add(
          new PlannedRun(
              s, PolicyKind.STATIC, label, null, 0, () -> new StaticPolicy(label, staticReplicas)));
      List<EngineFloor> own = floors.stream().filter(f -> f.scenario().equals(s)).toList();
      for (HpaVariant variant : HpaVariant.values()) {
        plan.addAll(setup.sweep.planAll(s, variant));
        own.stream()
            .filter(f -> f.kind() == PolicyKind.PREDICTIVE)
            .forEach(
                f -> {
                  plan.add(setup.predictive.run(f, variant));
                  plan.addAll(setup.longerWindows.plan(f, variant));
                });
        Optional<JumpFloorTuning.Candidate> jump =
            tuning.stream()
                .filter(
                    r ->
                        r.validation().trace() == s.trace()
                            && r.variant() == variant
                            && r.validation().workload().equals(s.workload()))
                .findFirst()
                .flatMap(JumpFloorTuning.Result::chosen);
        jump.ifPresent(
            j -> {
              plan.add(
                  setup.tuning.run(
                      s, variant, j.floor(), Optional.empty(), "reactive + jump floor"));
              own.stream()
                  .filter(f -> f.kind() == PolicyKind.PREDICTIVE)
                  .forEach(
                      f ->
                          plan.add(
                              setup.tuning.run(
                                  s,
                                  variant,
                                  j.floor(),
                                  Optional.of(f.floor()),
                                  f.label() + " + jump floor")));
            });
      }
      own.stream()
          .filter(f -> f.kind() == PolicyKind.DEGRADED)
          .forEach(f -> plan.add(setup.predictive.run(f, HpaVariant.IDEAL)));
    }
    return plan;
  }

  private static String frontierChart(Path dir, Scenario s, List<RunOutcome> outcomes) {
    Map<HpaVariant, ReactiveEnvelope> frontiers = new EnumMap<>(HpaVariant.class);
    for (HpaVariant variant : HpaVariant.values()) {
      frontiers.put(variant, StabilisationSweep.collect(outcomes, s, variant));
    }
    List<FrontierChart.Point> points =
        outcomes.stream()
            .filter(
                o ->
                    o.scenario().equals(s)
                        && (o.kind() == PolicyKind.PREDICTIVE
                            || o.kind() == PolicyKind.PREDICTIVE_LONGER_WINDOW
                            || o.kind() == PolicyKind.JUMP_FLOOR
                            || o.kind() == PolicyKind.NOISE_FLOOR))
            .map(
                o ->
                    new FrontierChart.Point(
                        o.variant().label() + ", " + o.policy(),
                        o.variant(),
                        o.metrics().replicaHours(),
                        o.metrics().underProvisionedMinutes()))
            .toList();
    String name =
        String.format(
            Locale.ROOT,
            "frontier-%s-startup-%ds.png",
            s.trace().name().toLowerCase(Locale.ROOT),
            s.workload().startupDelay().toSeconds());
    FrontierChart.write(
        dir.resolve(name), "Reactive envelope and floors: " + s.label(), frontiers, points);
    return name;
  }

  private static Callable<List<PublishedProtocol.Result>> publishedProtocol(LabOptions options) {
    return () -> {
      if (!options.published()) {
        return List.of();
      }
      Path dir = options.traces() != null ? options.traces() : TraceCatalog.locate(Path.of(""));
      PublishedProtocol protocol = new PublishedProtocol(new TraceCatalog(dir).nasa());
      List<PublishedProtocol.Result> results = new ArrayList<>();
      for (ForecastModel model : ForecastModel.values()) {
        results.add(protocol.evaluate(model));
      }
      return results;
    };
  }

  static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[scaling-lab] " + format + "%n", args);
  }
}
