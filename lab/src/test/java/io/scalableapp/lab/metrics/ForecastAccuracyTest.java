package io.scalableapp.lab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastAccuracyTest {

    @Test
    void mapeAveragesAbsolutePercentageErrors() {
        double[] actual = {100, 200, 50};
        double[] forecast = {110, 150, 50};

        // 10 % + 25 % + 0 % over three points
        assertThat(ForecastAccuracy.mape(actual, forecast)).isCloseTo(35.0 / 3, within(1e-9));
    }

    @Test
    void mapeSkipsZeroActualsAndMaskedPoints() {
        double[] actual = {0, 100, Double.NaN};
        double[] forecast = {5, 90, 1000};

        assertThat(ForecastAccuracy.mape(actual, forecast)).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void maseDividesTheMaeByTheInSampleNaiveMae() {
        double[] training = {10, 12, 9, 13};
        double scale = ForecastAccuracy.naiveScale(training, 1);
        assertThat(scale).isCloseTo(3.0, within(1e-9));

        double[] actual = {10, 20};
        double[] forecast = {13, 17};
        assertThat(ForecastAccuracy.mase(actual, forecast, scale)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void naiveScaleSkipsPairsTouchingAGapAndRejectsAConstantSeries() {
        double[] training = {10, Double.NaN, 20, 24};
        assertThat(ForecastAccuracy.naiveScale(training, 1)).isCloseTo(4.0, within(1e-9));
        assertThatThrownBy(() -> ForecastAccuracy.naiveScale(new double[] {5, 5, 5}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
