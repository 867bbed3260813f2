package io.scalableapp.engine;

/**
 * How one evaluation moved the floor.
 *
 * @param previous floor before this evaluation (replicas.min on the first one)
 * @param desired floor before bounds, stabilisation and rate limits
 * @param floor recommended minimum replicas; the HPA still scales above it
 * @param reason the last rule that shaped {@code floor}
 */
public record FloorDecision(int previous, int desired, int floor, Reason reason) {}
