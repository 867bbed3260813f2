package io.scalableapp.lab.experiment;

/** What a run is for, so the report can group them. */
public enum PolicyKind {
    STATIC,
    REACTIVE,
    PREDICTIVE,
    DEGRADED
}
