package io.scalableapp.lab.experiment;

/** What a run is for, so the report can group them. */
public enum PolicyKind {
    STATIC,
    /** The reactive HPA at the reference target. */
    REACTIVE,
    /** The reactive HPA at another target of the frontier sweep. */
    FRONTIER,
    PREDICTIVE,
    DEGRADED,
    /** A floor sized on short-term jumps (alone or with the engine's floor), chosen on the training part. */
    JUMP_FLOOR
}
