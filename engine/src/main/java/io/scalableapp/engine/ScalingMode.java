package io.scalableapp.engine;

/**
 * What the caller does with recommendations. The engine computes the same thing in every mode (so
 * switching from SHADOW to ENFORCE starts with warm state); only ENFORCE is actionable.
 */
public enum ScalingMode {
  OFF,
  SHADOW,
  ENFORCE
}
