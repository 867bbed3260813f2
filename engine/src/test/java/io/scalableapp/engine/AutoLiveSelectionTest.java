package io.scalableapp.engine;

import static io.scalableapp.engine.testing.SyntheticSeries.DAY;
import static io.scalableapp.engine.testing.SyntheticSeries.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.engine.forecast.AutoForecaster;
import io.scalableapp.engine.forecast.Forecast;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecaster;
import io.scalableapp.engine.forecast.ForecasterFactory;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.testing.SyntheticSeries;
import io.scalableapp.engine.time.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AUTO scores every candidate live and, once an hour of scores exists, forecasts with the best of them. */
class AutoLiveSelectionTest {

    private final Series recording = SyntheticSeries.dailySine(3 * DAY, 1000, 600, 0, 1);
    private final ManualClock clock = new ManualClock(T0.plus(Duration.ofDays(2)));

    /** Forecasts the recording's own future times {@code factor}: a known, constant relative error. */
    private Forecaster scaled(ForecastModel label, double factor) {
        return new Forecaster() {
            @Override
            public ForecastModel model() {
                return label;
            }

            @Override
            public Forecast forecast(Series history, int steps) {
                double[] f = new double[steps];
                for (int s = 0; s < steps; s++) {
                    f[s] = factor * recording.get(recording.indexNear(history.end().plus(history.step().multipliedBy(s + 1))));
                }
                return Forecast.after(history, f, label, label + " x" + factor);
            }
        };
    }

    @Test
    void afterAnHourOfLiveScoresTheMostAccurateCandidateForecasts() {
        // Preferred on a tie and off by 30 %; the second is off by 10 %, the third by 50 %.
        ForecasterFactory factory = (model, period, lead) -> new AutoForecaster(List.of(
                scaled(ForecastModel.SEASONAL_PROFILE, 1.3), scaled(ForecastModel.HOLT_WINTERS, 0.9),
                scaled(ForecastModel.LINEAR, 1.5)), lead);
        PredictiveScaler scaler = new PredictiveScaler(clock, factory);
        AppScalingSpec spec = AppScalingSpec.builder().targetPerReplica(100).replicas(1, 50)
                .model(ForecastModel.AUTO).horizon(Duration.ofMinutes(3)).build();
        ScalerState state = new ScalerState();
        InMemoryDemandSource source = new InMemoryDemandSource(recording);

        Recommendation first = scaler.evaluate(spec, source, state);
        assertThat(first.modelDetail()).contains("holdout WAPE");
        Recommendation last = first;
        for (int minute = 1; minute <= LiveModelScores.MIN_SAMPLES + 5; minute++) {
            clock.advance(Duration.ofMinutes(1));
            last = scaler.evaluate(spec, source, state);
        }

        assertThat(last.model()).isEqualTo(ForecastModel.HOLT_WINTERS);
        assertThat(last.modelDetail()).contains("live WAPE").contains("SEASONAL_PROFILE=0.300")
                .contains("HOLT_WINTERS=0.100").contains("LINEAR=0.500");
        assertThat(state.chosenModel()).contains(ForecastModel.HOLT_WINTERS);
        assertThat(state.snapshot().candidateScores()).extracting(ScalerSnapshot.CandidateScores::model)
                .containsExactlyInAnyOrder(ForecastModel.SEASONAL_PROFILE, ForecastModel.HOLT_WINTERS, ForecastModel.LINEAR);
        // The series behind the peak: one point per step from the end of the data to the horizon.
        assertThat(last.forecast().size()).isEqualTo(3);
        assertThat(last.forecast().get(0)).isEqualTo(last.forecastNow());
    }
}
