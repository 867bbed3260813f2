package io.scalableapp.engine.schedule;

import java.time.Instant;

/** A schedule in force at an evaluation, and until when. */
public record ActiveSchedule(String name, FloorSchedule.Kind kind, int replicas, Instant until) {}
