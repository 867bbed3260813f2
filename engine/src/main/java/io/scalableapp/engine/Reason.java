package io.scalableapp.engine;

/** Why a recommendation's floor is what it is: the last rule that shaped it. */
public enum Reason {
  /** Sized from the forecast peak within the horizon plus headroom. */
  FORECAST,
  /** No usable forecast yet (too little history): floor is replicas.min and the HPA reacts. */
  REACTIVE,
  /** Clamped to replicas.min or replicas.max. */
  BOUND,
  /**
   * A scale-down held at the highest recommendation of the stabilisation window (as the HPA does).
   */
  STABILIZATION,
  /** Limited by the scale-up or scale-down rate. */
  RATE_LIMIT,
  /**
   * Forecast not trusted (accuracy gate closed, or metrics gone past the hold): floor heads to
   * replicas.min.
   */
  FALLBACK,
  /** Sized from the recent level plus a learned noise margin ({@code noiseFloor}), no forecast. */
  NOISE_FLOOR,
  /**
   * Raised to hold capacity for the recent peak after a sudden jump of demand ({@code surgeHold}).
   */
  SURGE_HOLD,
  /** Set by a schedule in force: raised for a known event, or capped for a quiet period. */
  SCHEDULE,
  /** Metrics unavailable: the last floor is held so a metrics outage never scales down. */
  HOLD
}
