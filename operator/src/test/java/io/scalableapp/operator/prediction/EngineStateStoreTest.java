package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.engine.AppScalingSpec;
import io.scalableapp.engine.PredictiveScaler;
import io.scalableapp.engine.ScalerSnapshot;
import io.scalableapp.engine.ScalerSnapshot.ModelChoiceSnapshot;
import io.scalableapp.engine.ScalerSnapshot.ModelScore;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.ScalingMode;
import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.time.ManualClock;
import io.scalableapp.operator.prediction.EngineStateStore.Document;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stored document: a lossless round trip, and a version check that refuses what it does not
 * know.
 */
class EngineStateStoreTest {
  private static final Instant START = Instant.parse("2026-03-02T12:00:00Z");

  /**
   * A state that has learned something of everything: scores, pending forecasts, histories,
   * latencies, a model.
   */
  private static ScalerSnapshot learnedSnapshot() {
    ManualClock clock = new ManualClock(START);
    double[] values = new double[2 * 24 * 60 + 120];
    for (int i = 0; i < values.length; i++) {
      values[i] = 200 + 100 * Math.sin(2 * Math.PI * i / 1440) + (i % 7) * 3;
    }
    var demand =
        new InMemoryDemandSource(
            Series.of(START.minus(Duration.ofDays(2)), Duration.ofMinutes(1), values));
    AppScalingSpec spec =
        AppScalingSpec.builder()
            .mode(ScalingMode.ENFORCE)
            .targetPerReplica(30)
            .replicas(1, 50)
            .lookback(Duration.ofDays(1))
            .model(ForecastModel.AUTO)
            .build();
    ReadyLatencyEstimator latency = new ReadyLatencyEstimator();
    latency.record(Duration.ofMillis(41_500));
    latency.record(Duration.ofSeconds(63));
    ScalerState state = new ScalerState(latency);
    PredictiveScaler scaler = new PredictiveScaler(clock);
    for (int i = 0; i < 40; i++) {
      scaler.evaluate(spec, demand, state);
      clock.advance(Duration.ofSeconds(30));
    }
    return state.snapshot();
  }

  @Test
  void aLearnedSnapshotSurvivesTheRoundTripUnchanged() {
    ScalerSnapshot snapshot = learnedSnapshot();
    assertThat(snapshot.accuracyScored()).isNotEmpty();
    assertThat(snapshot.peaksScored()).isNotEmpty();
    assertThat(snapshot.peaksPending()).isNotEmpty();
    assertThat(snapshot.floors()).isNotEmpty();
    assertThat(snapshot.modelChoice().backtest()).isNotEmpty();
    assertThat(snapshot.candidateScores())
        .allSatisfy(c -> assertThat(c.hours()).isNotEmpty())
        .hasSize(4);

    String json = EngineStateStore.toJson(new Document(EngineStateStore.VERSION, START, snapshot));
    Document read = EngineStateStore.fromJson(json);

    assertThat(json)
        .contains("\"version\":" + EngineStateStore.VERSION)
        .contains("\"readyLatencyMillis\":[41500,63000]");
    assertThat(read.savedAt()).isEqualTo(START);
    assertThat(read.state()).isEqualTo(snapshot);
  }

  @Test
  void aFreshStateWithNothingLearnedAndANonNumericScoreRoundTrip() {
    ScalerSnapshot fresh = new ScalerState().snapshot();
    ScalerSnapshot oddScore =
        new ScalerSnapshot(
            3,
            START,
            false,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            new ModelChoiceSnapshot(
                ForecastModel.AUTO,
                ForecastModel.SEASONAL_NAIVE,
                null,
                4,
                START,
                List.of(new ModelScore(ForecastModel.HOLT_WINTERS, Double.NaN))));

    for (ScalerSnapshot s : List.of(fresh, oddScore)) {
      assertThat(
              EngineStateStore.fromJson(
                      EngineStateStore.toJson(new Document(EngineStateStore.VERSION, START, s)))
                  .state())
          .isEqualTo(s);
    }
  }

  @Test
  void anotherFormatVersionIsRefusedBeforeItsContentIsRead() {
    String json =
        EngineStateStore.toJson(
            new Document(EngineStateStore.VERSION, START, new ScalerState().snapshot()));
    String future =
        json.replace(
                "\"version\":" + EngineStateStore.VERSION,
                "\"version\":" + (EngineStateStore.VERSION + 1))
            .replace("\"state\":{", "\"state\":{\"somethingNew\":true,");

    assertThatThrownBy(() -> EngineStateStore.fromJson(future))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported state format version " + (EngineStateStore.VERSION + 1));
    assertThatThrownBy(() -> EngineStateStore.fromJson("{\"state\":{}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported state format version null");
  }

  @Test
  void aVersionOneDocumentIsMigratedWithoutLiveScores() {
    ScalerSnapshot learned = learnedSnapshot();
    ScalerSnapshot v1State =
        new ScalerSnapshot(
            learned.lastFloor(),
            learned.lastGoodMetricsAt(),
            learned.forecastTrusted(),
            learned.accuracyScored(),
            learned.accuracyPending(),
            learned.peaksScored(),
            learned.peaksPending(),
            learned.floors(),
            learned.recommendations(),
            learned.readyLatencyMillis(),
            learned.modelChoice());
    // Exactly what an operator writing version 1 stored: the same document without candidateScores.
    String v1 =
        EngineStateStore.toJson(new Document(EngineStateStore.VERSION, START, v1State))
            .replace("\"version\":" + EngineStateStore.VERSION, "\"version\":1")
            .replace(",\"candidateScores\":[]", "");
    assertThat(v1).doesNotContain("candidateScores").contains("\"version\":1");

    Document read = EngineStateStore.fromJson(v1);

    assertThat(read.version()).isEqualTo(EngineStateStore.VERSION);
    assertThat(read.state()).isEqualTo(v1State);
    assertThat(read.state().candidateScores()).isEmpty();
    assertThat(read.state().modelChoice()).isEqualTo(learned.modelChoice());
  }

  @Test
  void malformedOrIncompleteDocumentsAreRefused() {
    assertThatThrownBy(() -> EngineStateStore.fromJson("{\"version\":1,"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed");
    assertThatThrownBy(
            () ->
                EngineStateStore.fromJson(
                    "{\"version\":1,\"savedAt\":null,\"state\":{\"lastFloor\":2}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed");
  }
}
