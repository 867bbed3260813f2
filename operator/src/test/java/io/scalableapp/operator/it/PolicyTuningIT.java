package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.HOLD;
import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.scalableapp.engine.auto.AutoModeSettings;
import io.scalableapp.engine.auto.FloorCandidates;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.TuningPolicyStatus;
import io.scalableapp.operator.api.TuningSpec;
import io.scalableapp.operator.api.TuningStatus;
import io.scalableapp.operator.api.translate.TuningSpecs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * spec.autoscaling.tuning end to end: a real Prometheus holding four days of real NASA traffic (7
 * to 10 August 1995), the operator searching each app's HPA policy on the history it fetched,
 * choosing on the first days and validating on the last. A short cadence (a search every 20 s
 * instead of hourly) keeps the test short.
 */
class PolicyTuningIT {
  private static final String METRIC = "nasa_requests_per_minute";

  /** The same history made flat: a series the user's HPA serves without ever falling short. */
  private static final String FLAT = "0 * " + METRIC + " + 20";

  private static final Instant TRACE_NOW = Instant.parse("1995-08-11T00:00:00Z");

  /**
   * kwok's fake CPU usage of a pod (hack/kwok/metrics-usage.yaml), which metrics-server reports to
   * the HPA.
   */
  private static final String BUSY = "kwok.x-k8s.io/usage-cpu";

  @RegisterExtension
  static final PredictionFixture fixture =
      PredictionFixture.nasa("tuning", METRIC, TRACE_NOW, Duration.ofDays(4))
          .withAutoMode(AutoModeSettings.defaults().withEvaluateEvery(Duration.ofSeconds(20)));

  private static final ClusterNamespace cluster = fixture.cluster();

  /**
   * Under prediction.mode Auto an evaluation also replays the forecast floor for Auto's own
   * verdict: minutes of CPU on a busy machine before the search's verdict shows.
   */
  private static final Duration AUTO_SEARCH_TIMEOUT = Duration.ofMinutes(8);

  private static ScalableApp tuned(String name, String query, TuningSpec.Mode mode) {
    ScalableApp app = TestApps.app(name, cluster.name());
    app.getSpec().getReplicas().setMin(1);
    app.getSpec().getReplicas().setMax(100);
    PredictionSpec p = app.getSpec().getPrediction();
    p.setMode(PredictionSpec.Mode.Shadow);
    p.setQuery(query);
    p.setTargetPerReplica(1.5);
    p.setLookback("4d");
    TuningSpec tuning = new TuningSpec();
    tuning.setMode(mode);
    tuning.setValidation("1d");
    app.getSpec().getAutoscaling().setTuning(tuning);
    return app;
  }

  private static Predicate<ScalableApp> tuning(Predicate<TuningStatus> test) {
    return app ->
        app.getStatus() != null
            && app.getStatus().getTuning() != null
            && test.test(app.getStatus().getTuning());
  }

  private static HorizontalPodAutoscaler hpa(String name) {
    return cluster
        .client()
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(cluster.name())
        .withName(name)
        .get();
  }

  private static int target(HorizontalPodAutoscaler hpa) {
    return hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization();
  }

  private static Integer window(HorizontalPodAutoscaler hpa) {
    return Optional.ofNullable(hpa.getSpec().getBehavior())
        .map(b -> b.getScaleDown())
        .map(d -> d.getStabilizationWindowSeconds())
        .orElse(null);
  }

  private static int deploymentReplicas(String name) {
    return cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(cluster.name())
        .withName(name)
        .get()
        .getSpec()
        .getReplicas();
  }

  /**
   * Load above any floor when the policy switches: one pod busy at 490m of its 100m request has the
   * HPA at 70 % run 7 replicas (the other pods idle at kwok's 1m), and the scale keeps them if the
   * cluster serves no metrics.
   *
   * @return the replicas running once the app runs at least 7
   */
  private static int runAboveTheFloor(String name) {
    int replicas = 7;
    var selector =
        cluster
            .client()
            .apps()
            .deployments()
            .inNamespace(cluster.name())
            .withName(name)
            .get()
            .getSpec()
            .getSelector()
            .getMatchLabels();
    cluster
        .client()
        .pods()
        .inNamespace(cluster.name())
        .withLabels(selector)
        .list()
        .getItems()
        .forEach(
            pod ->
                cluster
                    .client()
                    .pods()
                    .inNamespace(cluster.name())
                    .withName(pod.getMetadata().getName())
                    .edit(
                        p ->
                            new PodBuilder(p)
                                .editMetadata()
                                .addToAnnotations(BUSY, "490m")
                                .endMetadata()
                                .build()));
    cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(cluster.name())
        .withName(name)
        .scale(replicas);
    await().atMost(TIMEOUT).until(() -> deploymentReplicas(name) >= replicas);
    return deploymentReplicas(name);
  }

  /**
   * tuning.mode Apply, by a merge patch without a resourceVersion: the operator patches status
   * meanwhile.
   */
  private static void apply(String name) {
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"autoscaling\":{\"tuning\":{\"mode\":\"Apply\"}}}}");
  }

  private static Optional<Event> event(String app, String reason) {
    return AppAssertions.event(cluster.client(), cluster.name(), app, reason);
  }

  @Test
  void theChosenPolicySetsTheHpasTargetAndWindowWithTheEvidenceAndNoCapacityDip() {
    cluster.client().resource(tuned("nasa", METRIC, TuningSpec.Mode.Recommend)).create();
    ScalableApp recommended =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "nasa",
            tuning(t -> "Recommended".equals(t.getReason())));
    TuningStatus evidence = recommended.getStatus().getTuning();
    assertThat(target(hpa("nasa"))).as("Recommend changes nothing").isEqualTo(70);
    assertThat(evidence.getRunning().getTargetCPUUtilizationPercentage()).isEqualTo(70);
    assertThat(evidence.getTraining()).isEqualTo("2d");
    assertThat(evidence.getValidation()).isEqualTo("1d");
    assertThat(evidence.getPoints()).isEqualTo(4 * 1440);
    TuningPolicyStatus yours = evidence.getYourHpa();
    TuningPolicyStatus chosen = evidence.getChosen();
    assertThat(yours.getTargetCPUUtilizationPercentage()).isEqualTo(70);
    assertThat(yours.getScaleDownStabilizationSeconds()).isEqualTo(300);
    assertThat(Double.parseDouble(chosen.getValidationUnderProvisionedMinutes()))
        .as("validated: fewer misses than your HPA on the day the choice never saw")
        .isLessThan(Double.parseDouble(yours.getValidationUnderProvisionedMinutes()));
    assertThat(Double.parseDouble(chosen.getTrainingReplicaHours()))
        .isLessThanOrEqualTo(Double.parseDouble(evidence.getBudgetReplicaHours()));
    assertThat(Double.parseDouble(chosen.getTrainingUnderProvisionedMinutes()))
        .isLessThanOrEqualTo(
            Double.parseDouble(evidence.getEnvelope().getTrainingUnderProvisionedMinutes()));
    assertThat(chosen.getTargetCPUUtilizationPercentage()).isBetween(50, 90);
    assertThat(chosen.getScaleDownStabilizationSeconds()).isBetween(0, 1800);

    int running = runAboveTheFloor("nasa");

    apply("nasa");

    List<Integer> seen = new ArrayList<>();
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              seen.add(deploymentReplicas("nasa"));
              HorizontalPodAutoscaler h = hpa("nasa");
              return target(h) == chosen.getTargetCPUUtilizationPercentage()
                  && chosen.getScaleDownStabilizationSeconds().equals(window(h));
            });
    HorizontalPodAutoscaler switched = hpa("nasa");
    Map<String, String> annotations = switched.getMetadata().getAnnotations();
    assertThat(annotations.get(HOLD))
        .as("the running replicas are held across the switch")
        .isNotNull();
    int held = Integer.parseInt(annotations.get(HOLD).split("@")[0]);
    assertThat(held).isGreaterThanOrEqualTo(running);
    assertThat(switched.getSpec().getMinReplicas()).isEqualTo(held);
    for (int i = 0; i < 5; i++) {
      seen.add(deploymentReplicas("nasa"));
    }
    assertThat(seen).as("no capacity dip while the policy switched").allMatch(r -> r >= running);

    ScalableApp applied =
        awaitApp(
            cluster.client(), cluster.name(), "nasa", tuning(t -> "Applied".equals(t.getReason())));
    assertThat(applied.getStatus().getTuning().getRunning().getTargetCPUUtilizationPercentage())
        .isEqualTo(chosen.getTargetCPUUtilizationPercentage());
    assertThat(condition(applied, "Tuned").getReason()).isEqualTo("Applied");
    await().atMost(TIMEOUT).until(() -> event("nasa", "PolicyChanged").isPresent());
    assertThat(event("nasa", "PolicyChanged").get().getMessage())
        .contains(
            "Tuning switched from HPA at 70 %, 5m scale-down window, no floor to HPA at "
                + chosen.getTargetCPUUtilizationPercentage()
                + " %");
    assertThat(event("nasa", "DriftRepaired")).as("a policy switch is not drift").isEmpty();
  }

  @Test
  void aPolicyThatFailsValidationLeavesTheUsersHpaUntouched() {
    cluster.client().resource(tuned("flat", FLAT, TuningSpec.Mode.Apply)).create();

    ScalableApp app =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "flat",
            tuning(t -> t.getReason() != null && t.getChosen() != null));
    TuningStatus status = app.getStatus().getTuning();
    assertThat(status.getReason()).isEqualTo("NotValidated");
    // Every policy serves a flat line: none falls short less, and the cheapest at the same cost is
    // your HPA itself.
    assertThat(status.getMessage())
        .containsAnyOf("did not fall short less than your HPA", "already the best policy");
    assertThat(status.getYourHpa().getValidationUnderProvisionedMinutes()).isEqualTo("0.00");
    assertThat(status.getRunning().getTargetCPUUtilizationPercentage()).isEqualTo(70);
    HorizontalPodAutoscaler untouched = hpa("flat");
    assertThat(target(untouched)).isEqualTo(70);
    assertThat(window(untouched)).as("behavior as written: unset").isNull();
    assertThat(untouched.getMetadata().getAnnotations())
        .doesNotContainKeys(HOLD, "scalableapp.io/tuned-policy");
    assertThat(event("flat", "PolicyChanged")).isEmpty();
  }

  /**
   * The live noise floor on the recent level: an Auto app allowed only that floor. Its HPA may keep
   * replicas through dips for at most 10 minutes; with longer windows the HPA alone already serves
   * these days at the same cost (the search then keeps no floor), within 10 minutes the
   * recent-level floor is what buys fewer misses. Recommended first, then applied over load held
   * above the HPA's floor, so the switch has capacity to lose.
   */
  @Test
  void anAllowedRecentLevelFloorRunsLiveAsTheHpasMinReplicasWithNoCapacityDip() {
    ScalableApp app = tuned("level", METRIC, TuningSpec.Mode.Recommend);
    app.getSpec().getPrediction().setMode(PredictionSpec.Mode.Auto);
    TuningSpec tuning = app.getSpec().getAutoscaling().getTuning();
    tuning.setFloors(List.of(TuningSpec.Floor.RecentLevelNoise));
    tuning.setMaxScaleDownStabilizationSeconds(600);
    cluster.client().resource(app).create();

    var resource =
        cluster.client().resources(ScalableApp.class).inNamespace(cluster.name()).withName("level");
    ScalableApp recommended =
        await()
            .atMost(AUTO_SEARCH_TIMEOUT)
            .pollInterval(Duration.ofSeconds(1))
            .until(resource::get, tuning(t -> "Recommended".equals(t.getReason())));
    TuningStatus evidence = recommended.getStatus().getTuning();
    assertThat(evidence.getChosen().getFloor())
        .as(evidence.getMessage())
        .isEqualTo(FloorCandidates.RECENT_LEVEL_NOISE);
    assertThat(evidence.getChosen().getScaleDownStabilizationSeconds()).isLessThanOrEqualTo(600);
    assertThat(evidence.getRunning().getFloor()).as("Recommend runs your HPA").isEqualTo("None");
    int before = hpa("level").getSpec().getMinReplicas();
    assertThat(before).as("Recommend changes nothing: replicas.min").isEqualTo(1);

    int running = runAboveTheFloor("level");
    apply("level");

    Predicate<ScalableApp> noiseFloorRuns =
        tuning(t -> FloorCandidates.RECENT_LEVEL_NOISE.equals(t.getRunning().getFloor()))
            .and(
                a ->
                    Optional.ofNullable(a.getStatus().getPrediction())
                        .map(p -> p.getLastDecision())
                        .filter(d -> "NoiseFloor".equals(d.getReason()))
                        .isPresent());
    List<Integer> replicas = new ArrayList<>();
    List<Integer> minReplicas = new ArrayList<>();
    ScalableApp floored =
        await()
            .atMost(AUTO_SEARCH_TIMEOUT)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> {
                  replicas.add(deploymentReplicas("level"));
                  minReplicas.add(hpa("level").getSpec().getMinReplicas());
                  return resource.get();
                },
                noiseFloorRuns);
    for (int i = 0; i < 5; i++) {
      replicas.add(deploymentReplicas("level"));
      minReplicas.add(hpa("level").getSpec().getMinReplicas());
    }
    assertThat(replicas)
        .as("no running replica lost across the switch")
        .allMatch(r -> r >= running);
    assertThat(minReplicas.stream().dropWhile(m -> m == before))
        .as("from the switch on, the HPA's floor holds at least the running replicas")
        .isNotEmpty()
        .allMatch(m -> m >= running);

    TuningStatus live = floored.getStatus().getTuning();
    assertThat(live.getReason()).isEqualTo("Applied");
    assertThat(live.getRunning().getTargetCPUUtilizationPercentage())
        .isEqualTo(evidence.getChosen().getTargetCPUUtilizationPercentage());
    assertThat(condition(floored, "Tuned").getMessage())
        .contains("RecentLevelNoise floor (" + TuningSpecs.RECENT_LEVEL_RULE.label());
    assertThat(floored.getStatus().getPrediction().getLastDecision().getMessage())
        .contains("recent level");

    // The floor is the HPA's minReplicas: the noise floor, or the switch's hold where that is
    // higher.
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              HorizontalPodAutoscaler h = hpa("level");
              int floor = resource.get().getStatus().getPrediction().getRecommendedReplicas();
              assertThat(floor).as("the noise floor is above replicas.min").isGreaterThan(before);
              int held =
                  Optional.ofNullable(h.getMetadata().getAnnotations())
                      .map(a -> a.get(HOLD))
                      .filter(v -> Instant.parse(v.split("@")[1]).isAfter(Instant.now()))
                      .map(v -> Integer.parseInt(v.split("@")[0]))
                      .orElse(0);
              assertThat(held)
                  .as("the running replicas are held across the switch")
                  .isGreaterThanOrEqualTo(running);
              assertThat(h.getSpec().getMinReplicas()).isEqualTo(Math.max(floor, held));
              assertThat(target(h))
                  .isEqualTo(live.getRunning().getTargetCPUUtilizationPercentage());
            });
    // The HPA brings the replicas up to its raised minReplicas, metrics or not.
    await()
        .atMost(TIMEOUT)
        .until(() -> deploymentReplicas("level") >= hpa("level").getSpec().getMinReplicas());
    System.out.printf(
        "level: %s; validation %s under-provisioned min, %s replica-h against your HPA's %s, %s;"
            + " HPA minReplicas %s and replicas %s over the switch, then %d replicas%n",
        live.getMessage(),
        evidence.getChosen().getValidationUnderProvisionedMinutes(),
        evidence.getChosen().getValidationReplicaHours(),
        evidence.getYourHpa().getValidationUnderProvisionedMinutes(),
        evidence.getYourHpa().getValidationReplicaHours(),
        minReplicas,
        replicas,
        deploymentReplicas("level"));

    // The reason is told where the operator tells floor decisions: an Event and the decisions
    // metric. The Event counts from replicas.min, the floor the HPA held under Recommend, whatever
    // floor the Auto prediction had recommended in Shadow.
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(AppAssertions.events(cluster.client(), cluster.name(), "level"))
                    .extracting(e -> e.getReason() + ": " + e.getMessage())
                    .anyMatch(
                        e ->
                            e.startsWith(
                                    "FloorRaised: Raised replica floor from " + before + " to ")
                                && e.contains("(NoiseFloor)")));
    assertThat(event("level", "DriftRepaired"))
        .as("moving the floor of a tuned HPA is not drift")
        .isEmpty();
    assertThat(
            fixture
                .operator()
                .registry()
                .find("scalableapp_decisions_total")
                .tag("app", "level")
                .tag("reason", "noise_floor")
                .counter())
        .isNotNull()
        .satisfies(c -> assertThat(c.count()).isPositive());
  }
}
