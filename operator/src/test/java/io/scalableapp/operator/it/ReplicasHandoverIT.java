package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static io.scalableapp.operator.it.AppAssertions.observed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.status.Conditions;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every switch of who owns the Deployment's replicas (operator or HPA), and every change of
 * replicas.min, while a watch records each spec.replicas the API server ever held: none may dip
 * below what ran before the switch or the new replicas.min, whichever is lower.
 */
class ReplicasHandoverIT {
  private static final String APP = "steady";

  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("handover");

  private static LocalCluster.RunningOperator operator;
  private final List<Integer> seenReplicas = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    // A flat 100 per minute: at 20 per replica the enforced floor is above every replicas.min used
    // here.
    operator =
        LocalCluster.startOperator(
            cluster, LocalCluster.everySecond(), ForecasterFactory.DEFAULT, SteadyDemand.of(100));
  }

  @AfterAll
  static void stop() {
    if (operator != null) operator.stop();
  }

  private Deployment deployment() {
    return cluster.client().apps().deployments().inNamespace(cluster.name()).withName(APP).get();
  }

  private HorizontalPodAutoscaler hpa() {
    return cluster
        .client()
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(cluster.name())
        .withName(APP)
        .get();
  }

  /**
   * The HPA controller has synced since it saw {@code replicas} running, so it enforces its
   * minReplicas.
   */
  private boolean hpaSyncedAt(int replicas) {
    HorizontalPodAutoscaler hpa = hpa();
    return hpa != null
        && hpa.getStatus() != null
        && !hpa.getStatus().getConditions().isEmpty()
        && Integer.valueOf(replicas).equals(hpa.getStatus().getCurrentReplicas());
  }

  private boolean runsReady(int replicas) {
    Deployment d = deployment();
    return d != null
        && Integer.valueOf(replicas).equals(d.getSpec().getReplicas())
        && Integer.valueOf(replicas).equals(d.getStatus().getReadyReplicas());
  }

  /**
   * Applies {@code change} to the app and waits until {@code settled}; fails if replicas dipped
   * meanwhile.
   */
  private void switchAndCheck(
      String what, Consumer<ScalableApp> change, int newMin, BooleanSupplier settled) {
    int before = deployment().getSpec().getReplicas();
    seenReplicas.clear();
    ScalableApp changed = editRetryingOnConflict(change);
    awaitApp(
        cluster.client(),
        cluster.name(),
        APP,
        observed(changed.getMetadata().getGeneration())
            .and(hasCondition(Conditions.READY, "True")));
    await().atMost(TIMEOUT).until(settled::getAsBoolean);
    // The settled state counts too: a switch that leaves the Deployment alone (the HPA keeps what
    // runs) sends the watch no event at all.
    List<Integer> seen = new ArrayList<>(seenReplicas);
    seen.add(deployment().getSpec().getReplicas());
    assertThat(seen)
        .as("spec.replicas seen while " + what + " (before: " + before + ")")
        .allSatisfy(r -> assertThat(r).isGreaterThanOrEqualTo(Math.min(before, newMin)));
  }

  /**
   * Edits the app as `kubectl edit` would, again on a conflict with the operator's status updates.
   */
  private ScalableApp editRetryingOnConflict(Consumer<ScalableApp> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return cluster
            .client()
            .resources(ScalableApp.class)
            .inNamespace(cluster.name())
            .withName(APP)
            .edit(
                a -> {
                  change.accept(a);
                  return a;
                });
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == 5) {
          throw e;
        }
      }
    }
  }

  @Test
  void noSwitchLowersReplicasBelowWhatRanOrTheNewMinimum() {
    ScalableApp app = TestApps.app(APP, cluster.name());
    app.getSpec().getReplicas().setMin(4);
    app.getSpec().getReplicas().setMax(8);
    app.getSpec().getAutoscaling().setEnabled(false);
    cluster.client().resource(app).create();
    await().atMost(TIMEOUT).until(() -> runsReady(4));

    try (Watch watch =
        cluster
            .client()
            .apps()
            .deployments()
            .inNamespace(cluster.name())
            .withName(APP)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Deployment d) {
                    seenReplicas.add(
                        d.getSpec().getReplicas() == null ? 0 : d.getSpec().getReplicas());
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      switchAndCheck(
          "autoscaling switched on",
          a -> a.getSpec().getAutoscaling().setEnabled(true),
          4,
          () -> hpaSyncedAt(4) && runsReady(4));
      switchAndCheck(
          "autoscaling switched off",
          a -> a.getSpec().getAutoscaling().setEnabled(false),
          4,
          () -> hpa() == null && runsReady(4));
      switchAndCheck(
          "autoscaling switched on again",
          a -> a.getSpec().getAutoscaling().setEnabled(true),
          4,
          () -> hpaSyncedAt(4) && runsReady(4));
      switchAndCheck(
          "replicas.min raised", a -> a.getSpec().getReplicas().setMin(6), 6, () -> runsReady(6));
      assertThat(seenReplicas).as("the watch saw the raise to 6").contains(6);
      switchAndCheck(
          "replicas.min lowered",
          a -> a.getSpec().getReplicas().setMin(3),
          3,
          () -> hpa().getSpec().getMinReplicas() == 3 && hpaSyncedAt(6));
      switchAndCheck(
          "autoscaling switched off at a lower minimum",
          a -> a.getSpec().getAutoscaling().setEnabled(false),
          3,
          () -> hpa() == null && runsReady(3));
      switchAndCheck(
          "prediction switched to Enforce",
          ReplicasHandoverIT::enforcePrediction,
          3,
          () -> runsReady(enforcedFloor()) && enforcedFloor() > 3);
      switchAndCheck(
          "autoscaling switched on under an enforced floor",
          a -> a.getSpec().getAutoscaling().setEnabled(true),
          3,
          () ->
              hpaSyncedAt(enforcedFloor()) && hpa().getSpec().getMinReplicas() == enforcedFloor());
    }
  }

  private static void enforcePrediction(ScalableApp app) {
    TestApps.enforcePrediction(app, 20.0);
    app.getSpec().getPrediction().setHorizon("5m");
  }

  /** The floor the operator's forecast asks for now, or 0 before its first decision. */
  private int enforcedFloor() {
    ScalableApp app =
        cluster
            .client()
            .resources(ScalableApp.class)
            .inNamespace(cluster.name())
            .withName(APP)
            .get();
    return app.getStatus() == null || app.getStatus().getPrediction() == null
        ? 0
        : app.getStatus().getPrediction().getRecommendedReplicas();
  }
}
