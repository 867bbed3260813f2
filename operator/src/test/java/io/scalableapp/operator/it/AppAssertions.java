package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scalableapp.operator.api.ScalableApp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/** Waits on a real cluster, polling, with a bound long enough for a loaded 2-core CI machine. */
final class AppAssertions {
  static final Duration TIMEOUT = Duration.ofSeconds(90);

  private AppAssertions() {}

  /**
   * Waits until the app passes {@code test}; on timeout the failure shows the app's last status.
   */
  static ScalableApp awaitApp(
      KubernetesClient client, String namespace, String name, Predicate<ScalableApp> test) {
    var resource = client.resources(ScalableApp.class).inNamespace(namespace).withName(name);
    try {
      return await()
          .atMost(TIMEOUT)
          .pollInterval(Duration.ofMillis(250))
          .until(resource::get, app -> app != null && test.test(app));
    } catch (ConditionTimeoutException e) {
      ScalableApp last = resource.get();
      throw new AssertionError(
          "ScalableApp "
              + name
              + " never got there; last status:\n"
              + (last == null ? "(deleted)" : Serialization.asYaml(last.getStatus())),
          e);
    }
  }

  static Predicate<ScalableApp> hasCondition(String type, String status) {
    return app ->
        app.getStatus() != null
            && app.getStatus().getConditions().stream()
                .anyMatch(c -> type.equals(c.getType()) && status.equals(c.getStatus()));
  }

  static Predicate<ScalableApp> observed(long generation) {
    return app ->
        app.getStatus() != null
            && app.getStatus().getObservedGeneration() != null
            && app.getStatus().getObservedGeneration() >= generation;
  }

  static Condition condition(ScalableApp app, String type) {
    return app.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  /** The API server refuses to create {@code app} as invalid (422), saying {@code message}. */
  static void assertRejected(KubernetesClient client, ScalableApp app, String message) {
    assertThatThrownBy(() -> client.resource(app).create())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
        .hasMessageContaining(message);
  }

  /**
   * The Events about the object {@code name} (the app, or a child of its name) in {@code
   * namespace}.
   */
  static List<Event> events(KubernetesClient client, String namespace, String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  /** The first Event with {@code reason} about the app {@code name}, if any. */
  static Optional<Event> event(
      KubernetesClient client, String namespace, String name, String reason) {
    return events(client, namespace, name).stream()
        .filter(e -> reason.equals(e.getReason()))
        .findFirst();
  }

  /** Whether an Event with {@code reason} about {@code name} says {@code messagePart}. */
  static boolean hasEvent(
      KubernetesClient client, String namespace, String name, String reason, String messagePart) {
    return events(client, namespace, name).stream()
        .anyMatch(e -> reason.equals(e.getReason()) && e.getMessage().contains(messagePart));
  }

  /**
   * How often Events with {@code reason} about {@code name} that pass {@code test} were emitted
   * (their counts).
   */
  static long eventCount(
      KubernetesClient client,
      String namespace,
      String name,
      String reason,
      Predicate<Event> test) {
    return events(client, namespace, name).stream()
        .filter(e -> reason.equals(e.getReason()) && test.test(e))
        .mapToLong(e -> e.getCount() == null ? 1 : e.getCount())
        .sum();
  }

  /** The HPA annotation holding the running replicas across a policy switch or floor release. */
  static final String HOLD = "scalableapp.io/policy-switch-hold";

  /** The app's HPA, or null while there is none. */
  static HorizontalPodAutoscaler hpa(KubernetesClient client, String namespace, String name) {
    return client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  /** The app's HPA's minReplicas (the floor the operator sets), or -1 while there is no HPA. */
  static int hpaFloor(KubernetesClient client, String namespace, String name) {
    HorizontalPodAutoscaler hpa = hpa(client, namespace, name);
    return hpa == null ? -1 : hpa.getSpec().getMinReplicas();
  }
}
