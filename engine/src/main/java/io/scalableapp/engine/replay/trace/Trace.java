package io.scalableapp.engine.replay.trace;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

/**
 * Demand per minute over a contiguous span of minutes. Each minute is either observed (its count,
 * zero included) or masked (no data: log gap, outage). Masked minutes read as 0 but must be skipped
 * by anything that scores or fits.
 *
 * <p>Wall-clock times are the logs' local times; they are mapped to instants as if they were UTC so
 * that daily seasonality stays aligned with the simulated clock.
 */
public final class Trace {

  private final String name;
  private final LocalDateTime start;
  private final double[] demand;
  private final boolean[] observed;

  public Trace(String name, LocalDateTime start, double[] demand, boolean[] observed) {
    this.name = Objects.requireNonNull(name, "name");
    this.start = Objects.requireNonNull(start, "start");
    if (demand.length != observed.length) {
      throw new IllegalArgumentException("demand and mask lengths differ");
    }
    if (demand.length == 0) {
      throw new IllegalArgumentException("trace " + name + " is empty");
    }
    this.demand = demand.clone();
    this.observed = observed.clone();
    for (int i = 0; i < demand.length; i++) {
      if (!observed[i]) {
        this.demand[i] = 0;
      }
    }
  }

  public String name() {
    return name;
  }

  public LocalDateTime start() {
    return start;
  }

  public int length() {
    return demand.length;
  }

  /** Requests in minute {@code i}; 0 when the minute is masked. */
  public double demand(int i) {
    return demand[i];
  }

  public boolean observed(int i) {
    return observed[i];
  }

  public int observedCount() {
    int n = 0;
    for (boolean o : observed) {
      if (o) {
        n++;
      }
    }
    return n;
  }

  public LocalDateTime minute(int i) {
    return start.plusMinutes(i);
  }

  public Instant instant(int i) {
    return minute(i).toInstant(ZoneOffset.UTC);
  }

  /** Index of the minute containing {@code t}, clamped to the trace. */
  public int indexOf(Instant t) {
    long minutes = Math.floorDiv(t.getEpochSecond() - start.toEpochSecond(ZoneOffset.UTC), 60L);
    return (int) Math.max(0, Math.min(length() - 1, minutes));
  }

  public int indexOf(LocalDateTime minute) {
    return (int) Duration.between(start, minute).toMinutes();
  }

  /** Largest observed demand in {@code [from, to)}. */
  public double peak(int from, int to) {
    double peak = 0;
    for (int i = from; i < to; i++) {
      if (observed[i]) {
        peak = Math.max(peak, demand[i]);
      }
    }
    return peak;
  }

  /** Nearest-rank quantile ({@code q} in (0,1]) of observed demand in {@code [from, to)}. */
  public double quantile(int from, int to, double q) {
    double[] values = new double[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      if (observed[i]) {
        values[n++] = demand[i];
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("no observed minutes in range");
    }
    Arrays.sort(values, 0, n);
    int rank = (int) Math.ceil(q * n);
    return values[Math.max(0, rank - 1)];
  }
}
