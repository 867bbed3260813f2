package io.scalableapp.engine.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * When a schedule is in force; the operator implements it from a cron expression, tests from fixed
 * instants.
 */
@FunctionalInterface
public interface ScheduleWindow {
  /** The end of the window that contains {@code now}, or empty when none does. */
  Optional<Instant> activeUntil(Instant now);
}
