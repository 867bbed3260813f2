package io.scalableapp.engine.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Combines the schedules in force with the floor the forecast (or the fallback) asks for: caps
 * first, then raises, so {@code max(min(forecast, lowest cap), highest raise)}. A raise wins over a
 * cap because it names a known event; a cap never takes the floor below replicas.min.
 */
public final class ScheduledFloors {

  /**
   * @param desired the floor after the schedules, before bounds and rate limits
   * @param active the schedules in force, in declaration order
   * @param note what the schedules did to the floor, empty when they changed nothing
   */
  public record Adjustment(int desired, List<ActiveSchedule> active, String note) {
    public boolean changed(int before) {
      return desired != before;
    }
  }

  private ScheduledFloors() {}

  public static Adjustment apply(
      List<FloorSchedule> schedules, int desired, int minReplicas, Instant now) {
    List<ActiveSchedule> active = new ArrayList<>();
    for (FloorSchedule s : schedules) {
      s.window()
          .activeUntil(now)
          .ifPresent(
              until -> active.add(new ActiveSchedule(s.name(), s.kind(), s.replicas(), until)));
    }
    int floor = desired;
    List<String> notes = new ArrayList<>();
    ActiveSchedule cap = lowest(active, FloorSchedule.Kind.CAP);
    if (cap != null && floor > Math.max(cap.replicas(), minReplicas)) {
      floor = Math.max(cap.replicas(), minReplicas);
      notes.add("schedule " + cap.name() + " caps the floor at " + floor + " until " + cap.until());
    }
    ActiveSchedule raise = highest(active, FloorSchedule.Kind.RAISE);
    if (raise != null && floor < raise.replicas()) {
      floor = raise.replicas();
      notes.add(
          "schedule " + raise.name() + " raises the floor to " + floor + " until " + raise.until());
    }
    return new Adjustment(floor, List.copyOf(active), String.join("; ", notes));
  }

  private static ActiveSchedule lowest(List<ActiveSchedule> active, FloorSchedule.Kind kind) {
    ActiveSchedule best = null;
    for (ActiveSchedule a : active) {
      if (a.kind() == kind && (best == null || a.replicas() < best.replicas())) {
        best = a;
      }
    }
    return best;
  }

  private static ActiveSchedule highest(List<ActiveSchedule> active, FloorSchedule.Kind kind) {
    ActiveSchedule best = null;
    for (ActiveSchedule a : active) {
      if (a.kind() == kind && (best == null || a.replicas() > best.replicas())) {
        best = a;
      }
    }
    return best;
  }
}
