package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged operator SIGKILLed at random moments while 200 apps are created and then updated:
 * every app converges to its latest spec, and no child is orphaned or duplicated.
 */
class OperatorKillIT {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorKillIT.class);
  private static final int APPS = 200;
  private static final int KILLS_PER_PHASE = 3;
  private static final Duration CONVERGENCE = Duration.ofMinutes(5);
  @RegisterExtension static final ClusterNamespace cluster = ClusterNamespace.withPrefix("kills");
  private final long seed = System.nanoTime();
  private final Random random = new Random(seed);
  private OperatorProcess operator;

  private OperatorProcess start() throws Exception {
    return OperatorProcess.start(
        "kill-it",
        Map.of(
            "scalableapp.operator.namespaces", cluster.name(),
            "scalableapp.prometheus.url", "http://127.0.0.1:1",
            // One instance here: this is about crash consistency, LeaderElectionIT about handover.
            "scalableapp.leader-election.enabled", "false"));
  }

  private static String name(int i) {
    return String.format("app-%03d", i);
  }

  private static ScalableApp app(int i) {
    ScalableApp app = TestApps.app(name(i), cluster.name());
    app.getSpec().getReplicas().setMin(1);
    app.getSpec().getReplicas().setMax(2);
    return app;
  }

  /** Runs {@code work} while the operator is killed and restarted at random moments. */
  private void withKills(Runnable work) throws Exception {
    CompletableFuture<Void> running = CompletableFuture.runAsync(work);
    for (int k = 0; k < KILLS_PER_PHASE && !running.isDone(); k++) {
      Thread.sleep(500 + random.nextInt(4000)); // the fault schedule, not a wait for a condition
      operator.kill();
      operator = start();
    }
    running.get();
  }

  @Test
  void appsConvergeThroughRepeatedKillsWithoutOrphanedOrDuplicatedChildren() throws Exception {
    LOG.info("Kill schedule seed {}", seed);
    operator = start();
    try {
      withKills(
          () -> IntStream.range(0, APPS).forEach(i -> cluster.client().resource(app(i)).create()));
      withKills(
          () ->
              IntStream.range(0, APPS)
                  .forEach(
                      i ->
                          cluster
                              .client()
                              .resources(ScalableApp.class)
                              .inNamespace(cluster.name())
                              .withName(name(i))
                              .edit(
                                  a -> {
                                    a.getSpec().setImage(TestApps.NEW_IMAGE);
                                    return a;
                                  })));

      long started = System.nanoTime();
      await()
          .atMost(CONVERGENCE)
          .pollInterval(Duration.ofSeconds(2))
          .until(this::everyAppConverged);
      LOG.info(
          "All {} apps converged {} s after the last kill",
          APPS,
          Duration.ofNanos(System.nanoTime() - started).toSeconds());

      assertExactlyOneChildPerApp(
          cluster
              .client()
              .apps()
              .deployments()
              .inNamespace(cluster.name())
              .withLabel(ChildLabels.MANAGED_SELECTOR)
              .list()
              .getItems());
      assertExactlyOneChildPerApp(
          cluster
              .client()
              .services()
              .inNamespace(cluster.name())
              .withLabel(ChildLabels.MANAGED_SELECTOR)
              .list()
              .getItems());
      assertExactlyOneChildPerApp(
          cluster
              .client()
              .autoscaling()
              .v2()
              .horizontalPodAutoscalers()
              .inNamespace(cluster.name())
              .withLabel(ChildLabels.MANAGED_SELECTOR)
              .list()
              .getItems());
      cluster
          .client()
          .apps()
          .deployments()
          .inNamespace(cluster.name())
          .list()
          .getItems()
          .forEach(
              d ->
                  assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                      .as("%s runs the latest image", d.getMetadata().getName())
                      .isEqualTo(TestApps.NEW_IMAGE));
    } finally {
      if (!operator.isAlive()) {
        LOG.warn("The operator had exited:\n{}", operator.logTail());
      }
      operator.close();
    }
  }

  private boolean everyAppConverged() {
    List<ScalableApp> apps =
        cluster.client().resources(ScalableApp.class).inNamespace(cluster.name()).list().getItems();
    return apps.size() == APPS
        && apps.stream()
            .allMatch(
                a ->
                    a.getStatus() != null
                        && a.getMetadata()
                            .getGeneration()
                            .equals(a.getStatus().getObservedGeneration())
                        && AppAssertions.hasCondition("Ready", "True").test(a));
  }

  /**
   * Each child belongs to an existing app through its owner reference, and no app has two of a
   * kind.
   */
  private void assertExactlyOneChildPerApp(List<? extends HasMetadata> children) {
    Map<String, String> appUids =
        cluster
            .client()
            .resources(ScalableApp.class)
            .inNamespace(cluster.name())
            .list()
            .getItems()
            .stream()
            .collect(
                Collectors.toMap(a -> a.getMetadata().getName(), a -> a.getMetadata().getUid()));
    Map<String, Long> perOwner =
        children.stream()
            .map(
                c ->
                    c.getMetadata().getOwnerReferences().stream()
                        .map(OwnerReference::getUid)
                        .findFirst()
                        .orElse("none"))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(perOwner.keySet())
        .as("owners of the children")
        .isEqualTo(Set.copyOf(appUids.values()));
    assertThat(perOwner.values()).as("children of one kind per app").allMatch(n -> n == 1);
  }
}
