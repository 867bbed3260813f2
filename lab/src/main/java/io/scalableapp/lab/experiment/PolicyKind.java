package io.scalableapp.lab.experiment;

/** What a run is for, so the report can group them. */
public enum PolicyKind {
  STATIC,
  /** The reactive HPA at the reference target. */
  REACTIVE,
  /** The reactive HPA at another target of the frontier sweep. */
  FRONTIER,
  /**
   * The reactive HPA at a CPU target with a longer scale-down stabilisation window (the envelope's
   * sweep).
   */
  STABILISATION_SWEEP,
  PREDICTIVE,
  /**
   * An engine floor on the HPA at the reference target with a longer scale-down stabilisation
   * window.
   */
  PREDICTIVE_LONGER_WINDOW,
  DEGRADED,
  /**
   * A floor sized on short-term jumps (alone or with the engine's floor), chosen on the training
   * part.
   */
  JUMP_FLOOR,
  /**
   * A noise-sized floor (or the perfect-forecast ceiling, or none) with its HPA target and window,
   * chosen by budget.
   */
  NOISE_FLOOR,
  /**
   * A noise-floor candidate run on the test part for the report's hindsight table only; no other
   * section lists or draws it.
   */
  NOISE_FLOOR_HINDSIGHT
}
