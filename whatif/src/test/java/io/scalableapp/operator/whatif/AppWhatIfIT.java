package io.scalableapp.operator.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.auto.PolicyChoice;
import io.scalableapp.engine.auto.TunedPolicy;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.WhatIf;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.RunOutcome;
import io.scalableapp.lab.trace.OpenMetricsBackfill;
import io.scalableapp.lab.trace.TraceCatalog;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ReplicasSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.testsupport.PrometheusServer;
import io.scalableapp.testsupport.TestNamespace;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The what-if for an existing app (`make what-if APP=namespace/name`): ScalableApps on the local
 * cluster whose spec.prediction points at a real Prometheus holding four days of NASA traffic as a
 * per-second rate, replayed by name with each app's own settings, and the failures a user meets on
 * the way.
 */
class AppWhatIfIT {
  private static final String METRIC = "nasa_requests_per_second";
  private static final Instant FROM = Instant.parse("1995-07-03T00:00:00Z");
  private static final Instant TO = Instant.parse("1995-07-07T00:00:00Z");

  /**
   * Requests per second one replica serves at the HPA's target: NASA's ~1 request per second needs
   * dozens.
   */
  private static final double TARGET_PER_REPLICA = 0.025;

  /**
   * Not a step of the lab's sweep (40 .. 80 by 5), so the app's own target has to be added to it.
   */
  private static final int HPA_TARGET_PERCENT = 62;

  /**
   * The replay of four days takes well under a minute on two threads; a command still running after
   * this hangs.
   */
  private static final Duration COMMAND_DEADLINE = Duration.ofMinutes(5);

  @RegisterExtension static final TestNamespace cluster = TestNamespace.withPrefix("whatif");
  @TempDir static Path dir;
  private static PrometheusServer prometheus;

  @BeforeAll
  static void startPrometheus() throws Exception {
    var nasa = new TraceCatalog(TraceCatalog.locate(Path.of(""))).nasa();
    prometheus =
        PrometheusServer.withoutTargets(Files.createDirectories(dir.resolve("prometheus")));
    prometheus.backfill(OpenMetricsBackfill.ratesPerSecond(nasa, METRIC, FROM, TO));
    prometheus.start();
  }

  @AfterAll
  static void stopPrometheus() throws InterruptedException {
    if (prometheus != null) prometheus.stop();
  }

  @Test
  void theReplayRunsTheAppsOwnSettingsAndAReplicaServingTwiceAsMuchHalvesTheReplicaHours(
      @TempDir Path out) throws Exception {
    ScalableApp app =
        cluster
            .client()
            .resource(predicted("shop", TARGET_PER_REPLICA, prometheus.url().toString()))
            .create();

    List<RunOutcome> before = replay("shop", out.resolve("before"));

    RunOutcome reactive = reactiveAtStartup60s(before);
    assertThat(reactive.hpaTargetPercent())
        .as("the app's HPA target")
        .isEqualTo(HPA_TARGET_PERCENT);
    assertThat(reactive.scenario().workload().capacityPerReplica())
        .as("requests per minute at full CPU")
        .isCloseTo(TARGET_PER_REPLICA * 60 / (HPA_TARGET_PERCENT / 100.0), within(1e-9));
    assertThat(before)
        .filteredOn(o -> o.kind() == PolicyKind.PREDICTIVE)
        .isNotEmpty()
        .allSatisfy(
            o -> assertThat(o.policy()).as("the app's model").isEqualTo("predictive HOLT_WINTERS"));
    String report = Files.readString(out.resolve("before/README.md"));
    assertThat(report)
        .contains(cluster.name() + "/shop's targetPerReplica (0.025 per second at the HPA's 62 %")
        .contains(METRIC)
        .contains(prometheus.url().toString())
        .contains("replicas 1..500")
        .contains("Horizon = 5 min (fixed)")
        .contains("| " + cluster.name() + "-shop, startup 60 s | 62 % |");

    app.getSpec().getPrediction().setTargetPerReplica(2 * TARGET_PER_REPLICA);
    cluster.client().resource(app).update();
    List<RunOutcome> after = replay("shop", out.resolve("after"));

    // Replicas are ceil(demand / capacity): halving them keeps the half replica each rounds up by,
    // so a bit over half.
    double ratio =
        reactiveAtStartup60s(after).metrics().replicaHours() / reactive.metrics().replicaHours();
    assertThat(ratio).as("replica-hours with twice the targetPerReplica").isBetween(0.48, 0.6);
  }

  @Test
  void whatStopsTheReplayIsNamed() throws Exception {
    String ns = cluster.name();
    URI defaults = AppWhatIf.OPERATOR_DEFAULT_PROMETHEUS;
    assertThatThrownBy(() -> AppProfiles.read(cluster.client(), ns + "/absent", defaults))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ScalableApp " + ns + "/absent not found");

    cluster.client().resource(TestApps.app("no-prediction", ns)).create();
    assertThatThrownBy(() -> AppProfiles.read(cluster.client(), ns + "/no-prediction", defaults))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no spec.prediction.query");

    String closed = "http://127.0.0.1:" + PrometheusServer.freePort();
    cluster.client().resource(predicted("unreachable", TARGET_PER_REPLICA, closed)).create();
    assertThatThrownBy(() -> replay("unreachable", dir.resolve("unreachable")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Prometheus at " + closed + " is unreachable");

    ScalableApp silent = predicted("silent", TARGET_PER_REPLICA, prometheus.url().toString());
    silent.getSpec().getPrediction().setQuery("absent_metric");
    cluster.client().resource(silent).create();
    assertThatThrownBy(() -> replay("silent", dir.resolve("silent")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "returned no samples for absent_metric between " + FROM + " and " + TO);
  }

  @Test
  void theWhatIfReportsThePolicyTuningWouldChooseAndItsReplayFigures() throws Exception {
    ScalableApp app =
        cluster
            .client()
            .resource(predicted("tuned", TARGET_PER_REPLICA, prometheus.url().toString()))
            .create();
    WhatIf.Options options =
        WhatIf.Options.parse(
            new String[] {
              "--app", cluster.name() + "/tuned", "--from", FROM.toString(), "--to", TO.toString()
            },
            TO);

    Trace history =
        AppWhatIf.fetch(options, AppProfiles.of(app, AppWhatIf.OPERATOR_DEFAULT_PROMETHEUS));
    PolicyChoice choice = WhatIfPolicy.search(app, history);
    PolicyChoice withNoise = WhatIfPolicy.search(app, history, true);

    assertThat(choice.user().policy())
        .as("the app's HPA as written")
        .isEqualTo(TunedPolicy.reactive(HPA_TARGET_PERCENT, Duration.ofMinutes(5)));
    assertThat(choice.points()).isEqualTo(4 * 1440);
    assertThat(Duration.between(choice.validateFrom(), choice.to()))
        .as("tuning's default validation")
        .isEqualTo(Duration.ofDays(1));
    assertThat(choice.chosen().training().replicaHours())
        .isLessThanOrEqualTo(choice.budgetReplicaHours() + 1e-9);
    assertThat(choice.chosen().training().underProvisionedMinutes())
        .isLessThanOrEqualTo(choice.user().training().underProvisionedMinutes())
        .isLessThanOrEqualTo(choice.envelope().training().underProvisionedMinutes());
    assertThat(withNoise.chosen().training().underProvisionedMinutes())
        .as("more candidates, never worse on training")
        .isLessThanOrEqualTo(choice.chosen().training().underProvisionedMinutes());
    assertThat(WhatIfPolicy.text(cluster.name() + "/tuned", choice, withNoise))
        .contains("The policy tuning would choose for " + cluster.name() + "/tuned")
        .contains(choice.applied() ? "It would run HPA at " : "It would keep your HPA, HPA at 62 %")
        .contains("your HPA", "same-cost envelope", "chosen", "budget", "noise-sized floors");
  }

  @Test
  void theCommandRunsFromItsOwnJarAsAProcessOfItsOwnAndExitsByItselfWithTheAppsAnswer(
      @TempDir Path work) throws Exception {
    cluster
        .client()
        .resource(predicted("cli", TARGET_PER_REPLICA, prometheus.url().toString()))
        .create();
    String app = cluster.name() + "/cli";
    Path out = work.resolve("what-if");

    Command run =
        command(
            work,
            "--app",
            app,
            "--from",
            FROM.toString(),
            "--to",
            TO.toString(),
            "--out",
            out.toString(),
            "--threads",
            "2");

    assertThat(run.status()).as(run.output()).isZero();
    String report = Files.readString(out.resolve("README.md"));
    assertThat(report)
        .startsWith("# What-if for " + app + ": ")
        .doesNotContain("scaling-lab-analysis.md")
        .contains("[policy.md](policy.md)");
    assertThat(Files.readString(out.resolve("policy.md")))
        .startsWith("# The policy tuning would choose for " + app);
    assertThat(run.output()).contains("The policy tuning would choose for " + app);
  }

  @Test
  void aCommandThatCannotAnswerExitsWithStatus2AndOneLineSayingWhy(@TempDir Path work)
      throws Exception {
    String absent = cluster.name() + "/absent";

    Command run =
        command(
            work,
            "--app",
            absent,
            "--from",
            FROM.toString(),
            "--to",
            TO.toString(),
            "--out",
            work.resolve("what-if").toString());

    assertThat(run.status()).as(run.output()).isEqualTo(2);
    assertThat(run.output()).contains("[what-if] ScalableApp " + absent + " not found on ");
  }

  /** How the command ended: its exit status and what it wrote to stdout and stderr. */
  private record Command(int status, String output) {}

  /**
   * Runs the command's jar in a JVM of its own, outside the repository (in {@code work}; KUBECONFIG
   * inherited), as a user who copied the jar would, and waits for it to exit.
   */
  private static Command command(Path work, String... args) throws Exception {
    Path jar =
        Path.of(System.getProperty("whatif.jar", "target/scalableapp-whatif.jar")).toAbsolutePath();
    assertThat(jar).as("the command's jar (mvn package)").exists();
    List<String> line =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    line.addAll(List.of(args));
    Path log = work.resolve("command.log");
    Process process =
        new ProcessBuilder(line)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(COMMAND_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          "the command did not exit within " + COMMAND_DEADLINE + ":\n" + Files.readString(log));
    }
    return new Command(process.exitValue(), Files.readString(log));
  }

  private static ScalableApp predicted(String name, double targetPerReplica, String prometheusUrl) {
    ScalableApp app = TestApps.app(name, cluster.name());
    app.getSpec().setReplicas(new ReplicasSpec(1, 500));
    app.getSpec().getAutoscaling().setTargetCPUUtilizationPercentage(HPA_TARGET_PERCENT);
    PredictionSpec p = app.getSpec().getPrediction();
    p.setMode(PredictionSpec.Mode.Shadow);
    p.setQuery(METRIC);
    p.setTargetPerReplica(targetPerReplica);
    p.setModel(PredictionSpec.Model.HoltWinters);
    p.setHorizon("5m");
    p.setPrometheusUrl(prometheusUrl);
    return app;
  }

  /**
   * What {@code AppWhatIf --app} does after reading its options, without exiting the JVM on a
   * failure.
   */
  private static List<RunOutcome> replay(String name, Path out) throws Exception {
    WhatIf.Options options =
        WhatIf.Options.parse(
            new String[] {
              "--app",
              cluster.name() + "/" + name,
              "--from",
              FROM.toString(),
              "--to",
              TO.toString(),
              "--out",
              out.toString(),
              "--threads",
              "2"
            },
            TO);
    return WhatIf.replay(
        options,
        AppProfiles.read(cluster.client(), options.app(), AppWhatIf.OPERATOR_DEFAULT_PROMETHEUS));
  }

  private static RunOutcome reactiveAtStartup60s(List<RunOutcome> outcomes) {
    return outcomes.stream()
        .filter(
            o ->
                o.kind() == PolicyKind.REACTIVE
                    && o.variant() == HpaVariant.IDEAL
                    && o.scenario().workload().startupDelay().equals(Duration.ofSeconds(60)))
        .findFirst()
        .orElseThrow();
  }
}
