package io.scalableapp.engine.schedule;

import java.util.Objects;

/**
 * A user's rule for the floor during recurring windows: RAISE keeps at least {@code replicas} (a
 * launch, a sale), CAP keeps the forecast's floor at most {@code replicas} (nights), never below
 * replicas.min.
 */
public record FloorSchedule(String name, Kind kind, int replicas, ScheduleWindow window) {

  public enum Kind {
    RAISE,
    CAP
  }

  public FloorSchedule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(window, "window");
    if (replicas < 0) {
      throw new IllegalArgumentException("schedule " + name + ": replicas must be >= 0");
    }
  }
}
