package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.condition;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.prediction.PredictionSettings;
import io.scalableapp.operator.status.Conditions;
import io.scalableapp.testsupport.PrometheusServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus (src/test/resources/hostile/, see its README): every case is refused by the
 * real API server with a message a person understands, or admitted and settled by a running
 * operator.
 */
class HostileCorpusIT {
  private static final Path CORPUS = Path.of("src/test/resources/hostile");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Long enough to see a hot loop or a child refused on every retry. */
  private static final Duration SETTLED_FOR = Duration.ofSeconds(3);

  @RegisterExtension static final ClusterNamespace cluster = ClusterNamespace.withPrefix("hostile");
  private static LocalCluster.RunningOperator operator;

  /** A real Prometheus, the only judge of PromQL; it scrapes nothing. */
  private static PrometheusServer prometheus;

  @BeforeAll
  static void start() throws Exception {
    prometheus =
        new PrometheusServer(
            Files.createTempDirectory("prometheus-hostile"), PrometheusServer.freePort());
    prometheus.start();
    operator =
        LocalCluster.startOperator(
            cluster,
            new PredictionSettings(prometheus.url(), Duration.ofSeconds(2), Duration.ofMinutes(1)));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (operator != null) operator.stop();
    if (prometheus != null) prometheus.close();
  }

  /** One entry of a corpus file. */
  record Case(String file, Map<String, Object> fields) {
    String id() {
      return (String) fields.get("case");
    }

    String name() {
      return (String) fields.getOrDefault("name", id());
    }

    @SuppressWarnings("unchecked")
    List<String> rejected() {
      return (List<String>) fields.get("rejected");
    }

    @SuppressWarnings("unchecked")
    Map<String, String> accepted() {
      return (Map<String, String>) fields.get("accepted");
    }

    @SuppressWarnings("unchecked")
    GenericKubernetesResource manifest(String namespace) {
      Map<String, Object> app = new LinkedHashMap<>();
      app.put("apiVersion", ScalableApp.GROUP + "/" + ScalableApp.VERSION);
      app.put("kind", "ScalableApp");
      app.put("metadata", Map.of("name", name(), "namespace", namespace));
      if (fields.containsKey("spec")) app.put("spec", fields.get("spec"));
      app.putAll((Map<String, Object>) fields.getOrDefault("extra", Map.of()));
      return Serialization.jsonMapper().convertValue(app, GenericKubernetesResource.class);
    }

    @Override
    public String toString() {
      return file + ": " + id();
    }
  }

  static Stream<Case> corpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        List<Map<String, Object>> entries = YAML.readValue(file.toFile(), new TypeReference<>() {});
        entries.forEach(e -> cases.add(new Case(file.getFileName().toString(), e)));
      }
    }
    return cases.stream();
  }

  @Test
  void theCorpusIsLargeAndEachCaseSaysWhatToExpect() throws IOException {
    List<Case> cases = corpus().toList();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    assertThat(cases).extracting(Case::id).doesNotHaveDuplicates();
    assertThat(cases)
        .allSatisfy(
            c ->
                assertThat(c.rejected() == null)
                    .as(c + ": exactly one of rejected, accepted")
                    .isNotEqualTo(c.accepted() == null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void isRefusedWithAReadableMessageOrSettledByTheOperator(Case c) {
    // Strict, as `kubectl --validate=strict`: unknown fields are refused instead of silently
    // pruned.
    var create =
        cluster.client().resource(c.manifest(cluster.name())).fieldValidation(Validation.STRICT);
    if (c.rejected() != null) {
      assertThatThrownBy(create::create)
          .isInstanceOf(KubernetesClientException.class)
          .satisfies(
              e ->
                  assertThat(((KubernetesClientException) e).getCode())
                      .as("HTTP status")
                      .isIn(400, 422))
          .satisfies(e -> assertThat(e.getMessage()).contains(c.rejected()));
      return;
    }
    create.create();
    ScalableApp settled =
        awaitApp(
            cluster.client(),
            cluster.name(),
            c.name(),
            app ->
                c.accepted().entrySet().stream()
                    .allMatch(e -> hasCondition(e.getKey(), e.getValue()).test(app)));
    assertThat(condition(settled, Conditions.DEGRADED).getStatus())
        .as("Degraded")
        .isEqualTo("False");
    @SuppressWarnings("unchecked")
    Map<String, String> messages =
        (Map<String, String>) c.fields().getOrDefault("conditionMessages", Map.of());
    messages.forEach(
        (type, fragment) ->
            assertThat(condition(settled, type).getMessage()).as(type).contains(fragment));
    if (c.fields().containsKey("autoscalingReason")) {
      assertThat(condition(settled, Conditions.AUTOSCALING).getReason())
          .isEqualTo(c.fields().get("autoscalingReason"));
    }
    assertStopsChanging(c.name());
  }

  /**
   * No hot loop: once settled, the app and its Deployment are rewritten at most once more within
   * the window (a periodic prediction update may land in it); a loop or a child refused on every
   * retry rewrites them many times.
   */
  private void assertStopsChanging(String name) {
    var app =
        cluster.client().resources(ScalableApp.class).inNamespace(cluster.name()).withName(name);
    var deployment =
        cluster.client().apps().deployments().inNamespace(cluster.name()).withName(name);
    Set<String> versions = new HashSet<>();
    await()
        .during(SETTLED_FOR)
        .atMost(SETTLED_FOR.plusSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              versions.add(
                  app.get().getMetadata().getResourceVersion()
                      + "/"
                      + deployment.get().getMetadata().getResourceVersion());
              return versions.size() <= 2;
            });
  }
}
