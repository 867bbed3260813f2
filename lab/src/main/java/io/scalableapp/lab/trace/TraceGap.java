package io.scalableapp.lab.trace;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A stretch of wall-clock time, {@code [from, until)}, for which the log has no data. Minutes
 * inside a gap are unknown demand, not zero demand: they must be masked, never scored and never fed
 * to a forecaster as real zeros.
 */
public record TraceGap(LocalDateTime from, LocalDateTime until) {

  public TraceGap {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (!until.isAfter(from)) {
      throw new IllegalArgumentException("gap must end after it starts: " + from + " .. " + until);
    }
  }

  public boolean contains(LocalDateTime minute) {
    return !minute.isBefore(from) && minute.isBefore(until);
  }
}
