package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.condition;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static io.scalableapp.operator.it.AppAssertions.observed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.prediction.PredictionService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failures injected into a running operator on the real API server: the forecast throwing, the
 * demand source throwing, and the API server refusing status writes. Each is reported (condition,
 * Event, metric) while the floor holds, and each recovers by itself, without a restart.
 */
class PredictionFailureIT {
  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("failures");

  private static final AtomicBoolean forecastFails = new AtomicBoolean();
  private static final AtomicBoolean sourceFails = new AtomicBoolean();
  private static LocalCluster.RunningOperator operator;

  @BeforeAll
  static void start() {
    ForecasterFactory forecasters =
        (model, period, lead) -> {
          if (forecastFails.get()) {
            throw new IllegalStateException("injected forecaster failure");
          }
          return ForecasterFactory.DEFAULT.create(model, period, lead);
        };
    PredictionService.DemandSources steady = SteadyDemand.of(100);
    PredictionService.DemandSources sources =
        (app, url, query, spec) -> {
          var source = steady.forApp(app, url, query, spec);
          return (from, to, step) -> {
            if (sourceFails.get()) {
              throw new IllegalStateException("injected source failure");
            }
            return source.fetch(from, to, step);
          };
        };
    operator =
        LocalCluster.startOperator(cluster, LocalCluster.everySecond(), forecasters, sources);
  }

  @AfterAll
  static void stop() {
    if (operator != null) operator.stop();
  }

  private static ScalableApp predicted(String name) {
    ScalableApp app = TestApps.predicted(name, cluster.name(), 20.0);
    app.getSpec().getPrediction().setHorizon("5m");
    return app;
  }

  private static int hpaFloor(String name) {
    HorizontalPodAutoscaler hpa =
        cluster
            .client()
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(cluster.name())
            .withName(name)
            .get();
    return hpa == null ? -1 : hpa.getSpec().getMinReplicas();
  }

  private static boolean hasEvent(String app, String reason, String messagePart) {
    return AppAssertions.hasEvent(cluster.client(), cluster.name(), app, reason, messagePart);
  }

  private static double errors(String app, String reason) {
    var counter =
        operator
            .registry()
            .find("scalableapp_prediction_errors_total")
            .tags("app", app, "reason", reason)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aFailingForecastIsReportedHoldsTheFloorAndRecoversWithoutARestart() {
    cluster.client().resource(predicted("forecast")).create();
    awaitApp(
        cluster.client(),
        cluster.name(),
        "forecast",
        hasCondition("Predicting", "True").and(a -> hpaFloor("forecast") > 1));
    int floor = hpaFloor("forecast");

    forecastFails.set(true);
    try {
      ScalableApp failing =
          awaitApp(
              cluster.client(), cluster.name(), "forecast", hasCondition("Predicting", "False"));
      assertThat(condition(failing, "Predicting").getReason()).isEqualTo("EvaluationFailed");
      assertThat(condition(failing, "Predicting").getMessage())
          .contains("injected forecaster failure");
      assertThat(failing.getStatus().getPrediction().getLastDecision().getReason())
          .isEqualTo("Hold");
      await()
          .atMost(TIMEOUT)
          .until(() -> hasEvent("forecast", "PredictionFailed", "injected forecaster failure"));
      await().atMost(TIMEOUT).until(() -> errors("forecast", "EvaluationFailed") >= 2);
      assertThat(hpaFloor("forecast"))
          .as("the floor is held while the forecast fails")
          .isEqualTo(floor);
    } finally {
      forecastFails.set(false);
    }

    awaitApp(cluster.client(), cluster.name(), "forecast", hasCondition("Predicting", "True"));
    await().atMost(TIMEOUT).until(() -> hasEvent("forecast", "PredictionRecovered", ""));
  }

  @Test
  void aThrowingDemandSourceIsAMetricsOutageThatRecovers() {
    cluster.client().resource(predicted("source")).create();
    awaitApp(cluster.client(), cluster.name(), "source", hasCondition("MetricsAvailable", "True"));

    sourceFails.set(true);
    try {
      ScalableApp held =
          awaitApp(
              cluster.client(),
              cluster.name(),
              "source",
              hasCondition("MetricsAvailable", "False"));
      assertThat(condition(held, "MetricsAvailable").getMessage())
          .contains("injected source failure");
    } finally {
      sourceFails.set(false);
    }
    awaitApp(cluster.client(), cluster.name(), "source", hasCondition("MetricsAvailable", "True"));
  }

  /**
   * A ValidatingAdmissionPolicy makes the real API server refuse every status write for one app:
   * the refusal is an Event, retries continue with backoff, and once the policy is gone the status
   * catches up with the spec change made meanwhile.
   */
  @Test
  void refusedStatusWritesAreReportedAndRetriedUntilTheyGoThrough() {
    ScalableApp app = TestApps.app("status", cluster.name());
    cluster.client().resource(app).create();
    awaitApp(cluster.client(), cluster.name(), "status", observed(1));
    String policyName = "deny-status-" + cluster.name();
    GenericKubernetesResource policy =
        Serialization.unmarshal(
            """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: %s}
        spec:
          failurePolicy: Fail
          matchConstraints:
            resourceRules:
            - apiGroups: [scalableapp.io]
              apiVersions: ["*"]
              operations: [UPDATE]
              resources: [scalableapps/status]
          validations:
          - expression: "object.metadata.name != 'status'"
            message: injected refusal of status writes
        """
                .formatted(policyName),
            GenericKubernetesResource.class);
    GenericKubernetesResource binding =
        Serialization.unmarshal(
            """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: %s}
        spec:
          policyName: %s
          validationActions: [Deny]
          matchResources:
            namespaceSelector:
              matchLabels: {kubernetes.io/metadata.name: %s}
        """
                .formatted(policyName, policyName, cluster.name()),
            GenericKubernetesResource.class);
    try {
      cluster.client().resource(policy).serverSideApply();
      cluster.client().resource(binding).serverSideApply();
      // The policy takes effect once the API server has loaded it; until then writes still succeed.
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                var live =
                    cluster
                        .client()
                        .resources(ScalableApp.class)
                        .inNamespace(cluster.name())
                        .withName("status");
                String image =
                    live.get().getSpec().getImage().equals(TestApps.IMAGE)
                        ? TestApps.NEW_IMAGE
                        : TestApps.IMAGE;
                // A merge patch of the spec alone: no resourceVersion to conflict with the
                // operator's status writes.
                live.patch(
                    PatchContext.of(PatchType.JSON_MERGE),
                    "{\"spec\":{\"image\":\"" + image + "\"}}");
                assertThat(
                        hasEvent("status", "ReconcileFailed", "injected refusal of status writes"))
                    .isTrue();
              });
      long generation =
          cluster
              .client()
              .resources(ScalableApp.class)
              .inNamespace(cluster.name())
              .withName("status")
              .get()
              .getMetadata()
              .getGeneration();
      assertThat(
              observed(generation)
                  .test(
                      cluster
                          .client()
                          .resources(ScalableApp.class)
                          .inNamespace(cluster.name())
                          .withName("status")
                          .get()))
          .as("status cannot have been written")
          .isFalse();
    } finally {
      cluster.client().resource(binding).delete();
      cluster.client().resource(policy).delete();
    }
    long generation =
        cluster
            .client()
            .resources(ScalableApp.class)
            .inNamespace(cluster.name())
            .withName("status")
            .get()
            .getMetadata()
            .getGeneration();
    awaitApp(
        cluster.client(),
        cluster.name(),
        "status",
        observed(generation).and(hasCondition("Ready", "True")));
  }
}
