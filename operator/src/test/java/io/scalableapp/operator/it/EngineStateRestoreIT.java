package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.text.DurationText;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.prediction.PredictionService;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An operator saves what the engine learned about each app in a ConfigMap, and the next operator
 * (after a restart or a leader takeover) continues from it. Learning a margin takes ten scored
 * horizons of real time, so the test teaches the saved state directly (slow pods, large past
 * errors, a distrusted forecast) between the two operators, and checks that the second one decides
 * with it.
 */
class EngineStateRestoreIT {
  @RegisterExtension static final ClusterNamespace cluster = ClusterNamespace.withPrefix("state");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SLOW_POD_READY = Duration.ofSeconds(200);

  /**
   * In-process operator polling every second, demand a gentle wave known up to whatever "now" is.
   */
  private static LocalCluster.RunningOperator startOperator() {
    PredictionService.DemandSources sources =
        (app, url, query, spec) ->
            (from, to, step) -> {
              Instant start = to.minus(Duration.ofDays(1));
              double[] values = new double[24 * 60 + 1];
              for (int i = 0; i < values.length; i++) {
                long minute = start.plus(Duration.ofMinutes(i)).getEpochSecond() / 60;
                values[i] = 100 + 10 * Math.sin(minute / 10.0);
              }
              return new InMemoryDemandSource(Series.of(start, Duration.ofMinutes(1), values))
                  .fetch(from, to, step);
            };
    return LocalCluster.startOperator(
        cluster,
        LocalCluster.everySecond().withStateSaveEvery(Duration.ofHours(1)),
        ForecasterFactory.DEFAULT,
        sources);
  }

  private static ScalableApp predicted(String name) {
    ScalableApp app = TestApps.predicted(name, cluster.name(), 20.0);
    app.getSpec().getPrediction().setLookback("1d");
    return app;
  }

  private static ConfigMap stateOf(String app) {
    return cluster
        .client()
        .configMaps()
        .inNamespace(cluster.name())
        .withName(app + "-scalableapp-state")
        .get();
  }

  private static JsonNode documentOf(String app) throws Exception {
    return JSON.readTree(stateOf(app).getData().get("state.json"));
  }

  /** Rewrites the saved document as a long-running operator would have left it. */
  private static void teach(String app, Consumer<ObjectNode> lesson) {
    cluster
        .client()
        .configMaps()
        .inNamespace(cluster.name())
        .withName(app + "-scalableapp-state")
        .edit(
            cm -> {
              try {
                ObjectNode doc = (ObjectNode) JSON.readTree(cm.getData().get("state.json"));
                lesson.accept(doc);
                cm.getData().put("state.json", JSON.writeValueAsString(doc));
                return cm;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
  }

  @Test
  void aNewOperatorContinuesFromTheSavedStateAndIgnoresAnUnknownFormat() throws Exception {
    var first = startOperator();
    String learned = "learned";
    String distrusted = "distrusted";
    String future = "future";
    ScalableApp before;
    try {
      for (String name : new String[] {learned, distrusted, future}) {
        cluster.client().resource(predicted(name)).create();
      }
      for (String name : new String[] {learned, distrusted, future}) {
        await().atMost(TIMEOUT).until(() -> stateOf(name) != null);
      }
      before =
          awaitApp(
              cluster.client(),
              cluster.name(),
              learned,
              hasCondition("Predicting", "True")
                  .and(
                      a ->
                          a.getStatus().getPrediction() != null
                              && a.getStatus().getPrediction().getModel() != null));
    } finally {
      first.stop();
    }
    ConfigMap saved = stateOf(learned);
    assertThat(saved.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "scalableapp-operator");
    assertThat(saved.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(before.getMetadata().getUid()));
    assertThat(saved.getMetadata().getManagedFields())
        .anyMatch(f -> "scalableapp-operator".equals(f.getManager()));
    assertThat(documentOf(learned).get("version").asInt()).isEqualTo(2);
    assertThat(before.getStatus().getPrediction().getLastDecision().getMessage())
        .contains("headroom");

    String now = Instant.now().toString();
    teach(
        learned,
        doc -> {
          ObjectNode state = (ObjectNode) doc.get("state");
          ArrayNode latencies = state.putArray("readyLatencyMillis");
          ArrayNode peaks = state.putArray("peaksScored");
          for (int i = 0; i < 12; i++) {
            latencies.add(SLOW_POD_READY.toMillis());
            peaks.addObject().put("until", now).put("residual", 0.5);
          }
        });
    teach(distrusted, doc -> ((ObjectNode) doc.get("state")).put("forecastTrusted", false));
    teach(
        future, doc -> doc.put("version", 99).put("state", "a format this operator does not know"));

    var second = startOperator();
    try {
      ScalableApp after =
          awaitApp(
              cluster.client(),
              cluster.name(),
              learned,
              a ->
                  a.getStatus()
                      .getPrediction()
                      .getLastDecision()
                      .getMessage()
                      .contains("learned margin"));
      assertThat(after.getStatus().getPrediction().getLastDecision().getMessage())
          .contains("+0.50");
      assertThat(after.getStatus().getPrediction().getHorizon())
          .as("the horizon follows the restored pod ready latency")
          .isEqualTo(DurationText.format(SLOW_POD_READY.plus(Duration.ofMinutes(1))));
      assertThat(after.getStatus().getPrediction().getModel())
          .isEqualTo(before.getStatus().getPrediction().getModel());

      ScalableApp gated =
          awaitApp(
              cluster.client(),
              cluster.name(),
              distrusted,
              a ->
                  a.getStatus()
                      .getPrediction()
                      .getLastDecision()
                      .getMessage()
                      .contains("reactive only"));
      assertThat(gated.getStatus().getPrediction().getLastDecision().getReason())
          .isNotEqualTo("Forecast");

      // The unknown format is ignored, the app predicts from scratch, and the new operator replaces
      // the document.
      awaitApp(cluster.client(), cluster.name(), future, hasCondition("Predicting", "True"));
      await().atMost(TIMEOUT).until(() -> documentOf(future).get("version").asInt() == 2);
      assertThat(documentOf(learned).get("state").get("readyLatencyMillis"))
          .hasSizeGreaterThanOrEqualTo(12);
    } finally {
      second.stop();
    }
  }
}
