package io.scalableapp.operator.it;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalableapp.operator.api.ScalableApp;
import java.time.Duration;
import java.util.function.Predicate;

/** Waits on a real cluster, polling, with a bound long enough for a loaded 2-core CI machine. */
final class AppAssertions {
  static final Duration TIMEOUT = Duration.ofSeconds(90);

  private AppAssertions() {}

  static ScalableApp awaitApp(KubernetesClient client, String namespace, String name, Predicate<ScalableApp> test) {
    return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(
        () -> client.resources(ScalableApp.class).inNamespace(namespace).withName(name).get(),
        app -> app != null && test.test(app));
  }

  static Predicate<ScalableApp> hasCondition(String type, String status) {
    return app -> app.getStatus() != null && app.getStatus().getConditions().stream()
        .anyMatch(c -> type.equals(c.getType()) && status.equals(c.getStatus()));
  }

  static Predicate<ScalableApp> observed(long generation) {
    return app -> app.getStatus() != null && app.getStatus().getObservedGeneration() != null
        && app.getStatus().getObservedGeneration() >= generation;
  }

  static Condition condition(ScalableApp app, String type) {
    return app.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
  }
}
