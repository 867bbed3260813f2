package io.scalableapp.engine;

import io.scalableapp.engine.schedule.ActiveSchedule;
import java.time.Instant;
import java.util.List;

/**
 * One evaluation's outcome, with everything needed to explain it (status, events, dashboards).
 *
 * @param time clock time of the evaluation
 * @param mode the mode the app was evaluated in
 * @param actionable true only in {@link ScalingMode#ENFORCE}: the caller should apply {@code
 *     decision.floor()}
 * @param decision the floor: before, desired, recommended, and why
 * @param forecast the forecast the floor provisions for
 * @param accuracy how well recent forecasts matched the actuals
 * @param metricsAvailable false when demand could not be fetched or was invalid
 * @param message human-readable explanation
 * @param activeSchedules the schedules in force at {@code time}, whether or not they moved the
 *     floor
 */
public record Recommendation(
    Instant time,
    ScalingMode mode,
    boolean actionable,
    FloorDecision decision,
    ForecastSummary forecast,
    ForecastAccuracy accuracy,
    boolean metricsAvailable,
    String message,
    List<ActiveSchedule> activeSchedules) {

  public Recommendation {
    activeSchedules = activeSchedules == null ? List.of() : List.copyOf(activeSchedules);
  }

  /** The recommended minimum replicas; the HPA still scales above it. */
  public int floor() {
    return decision.floor();
  }
}
