package io.scalableapp.engine;

import static io.scalableapp.engine.testing.SyntheticSeries.DAY;
import static io.scalableapp.engine.testing.SyntheticSeries.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.decision.ReadyLatencyEstimator;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.metrics.DemandSource;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.testing.SyntheticSeries;
import io.scalableapp.engine.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A state rebuilt from its snapshot evaluates exactly as the original would have. */
class ScalerSnapshotTest {

  private static final Duration EVERY = Duration.ofSeconds(30);
  private final ManualClock clock = new ManualClock(T0.plus(Duration.ofDays(2)));
  private final PredictiveScaler scaler = new PredictiveScaler(clock);

  /** Noisy daily demand, so the scored errors and the learned margin are not trivial. */
  private final DemandSource demand =
      new InMemoryDemandSource(SyntheticSeries.dailySine(4 * DAY, 1000, 600, 80, 7));

  private static AppScalingSpec.Builder spec() {
    return AppScalingSpec.builder()
        .mode(ScalingMode.ENFORCE)
        .targetPerReplica(100)
        .replicas(1, 50)
        .lookback(Duration.ofDays(2))
        .model(ForecastModel.AUTO)
        .modelReselectEvery(Duration.ofMinutes(45));
  }

  private List<Recommendation> run(AppScalingSpec spec, ScalerState state, int evaluations) {
    List<Recommendation> out = new ArrayList<>();
    for (int i = 0; i < evaluations; i++) {
      out.add(scaler.evaluate(spec, demand, state));
      clock.advance(EVERY);
    }
    return out;
  }

  /** Evaluates both states at the same instants, one after the other. */
  private List<List<Recommendation>> runSideBySide(
      AppScalingSpec spec, ScalerState a, ScalerState b, int n) {
    List<Recommendation> ra = new ArrayList<>();
    List<Recommendation> rb = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ra.add(scaler.evaluate(spec, demand, a));
      rb.add(scaler.evaluate(spec, demand, b));
      clock.advance(EVERY);
    }
    return List.of(ra, rb);
  }

  private static ScalerState learnedLatencies() {
    ReadyLatencyEstimator latency = new ReadyLatencyEstimator();
    for (int s : new int[] {70, 95, 110, 80, 150, 90}) {
      latency.record(Duration.ofSeconds(s));
    }
    return new ScalerState(latency);
  }

  @Test
  void restoredStateRecommendsExactlyWhatTheOriginalWould() {
    AppScalingSpec spec = spec().build();
    ScalerState original = learnedLatencies();
    List<Recommendation> learning =
        run(spec, original, 60); // 30 minutes: enough scored horizons to learn
    assertThat(learning.get(learning.size() - 1).message()).contains("learned margin");

    ScalerSnapshot snapshot = original.snapshot();
    ScalerState restored = scaler.restore(snapshot, new ReadyLatencyEstimator());

    assertThat(restored.snapshot()).isEqualTo(snapshot);
    assertThat(restored.readyLatency().p95()).isEqualTo(Duration.ofSeconds(150));
    // 100 minutes: crosses a model reselection, the accuracy window and the scoring of pending
    // forecasts.
    List<List<Recommendation>> next = runSideBySide(spec, original, restored, 200);
    assertThat(next.get(1)).containsExactlyElementsOf(next.get(0));
    assertThat(next.get(0))
        .allSatisfy(
            r -> {
              assertThat(r.message()).contains("learned margin");
              assertThat(r.forecast().modelDetail()).startsWith("AUTO -> ");
            });
    // The restored live scores carried AUTO from its backtest choice to choosing by live scores.
    assertThat(next.get(0).get(0).forecast().modelDetail()).contains("holdout WAPE");
    assertThat(next.get(0).get(next.get(0).size() - 1).forecast().modelDetail())
        .contains("live WAPE");
  }

  @Test
  void aClosedAccuracyGateStaysClosedAfterRestore() {
    AppScalingSpec spec = spec().maxForecastError(0.001).build();
    ScalerState original = new ScalerState();
    run(spec, original, 40);
    assertThat(original.forecastTrusted()).isFalse();

    ScalerState restored = scaler.restore(original.snapshot(), new ReadyLatencyEstimator());

    assertThat(restored.forecastTrusted()).isFalse();
    List<List<Recommendation>> next = runSideBySide(spec, original, restored, 20);
    assertThat(next.get(1)).containsExactlyElementsOf(next.get(0));
    assertThat(next.get(1)).allSatisfy(r -> assertThat(r.message()).contains("reactive only"));
  }

  @Test
  void snapshotLatenciesAreOlderThanOnesObservedSinceTheRestart() {
    ScalerState original = learnedLatencies();
    ReadyLatencyEstimator sinceRestart = new ReadyLatencyEstimator(6, Duration.ofMinutes(2));
    sinceRestart.record(Duration.ofSeconds(10));

    scaler.restore(original.snapshot(), sinceRestart);

    // Capacity 6: the oldest snapshot sample (70 s) aged out, the one seen since the restart is
    // newest.
    assertThat(sinceRestart.samplesMillis())
        .containsExactly(95_000L, 110_000L, 80_000L, 150_000L, 90_000L, 10_000L);
  }

  @Test
  void anAutoChoiceIsRebuiltThroughTheScalersFactory() {
    List<ForecastModel> made = new ArrayList<>();
    ForecasterFactory recording =
        (model, period, lead) -> {
          made.add(model);
          return ForecasterFactory.DEFAULT.create(model, period, lead);
        };
    ScalerState original = new ScalerState();
    run(spec().build(), original, 1);
    ForecastModel chosen = original.snapshot().modelChoice().chosen();

    new PredictiveScaler(clock, recording)
        .restore(original.snapshot(), new ReadyLatencyEstimator());

    assertThat(chosen).isNotEqualTo(ForecastModel.AUTO);
    assertThat(made).containsExactly(chosen);
  }
}
