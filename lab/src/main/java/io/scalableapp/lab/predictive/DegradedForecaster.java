package io.scalableapp.lab.predictive;

import io.scalableapp.engine.forecast.Forecaster;

/** Marks a forecaster that deliberately distorts another, so it is never wrapped twice. */
public interface DegradedForecaster extends Forecaster {
}
