package io.scalableapp.engine.forecast;

import java.time.Duration;
import java.util.Optional;

/**
 * Seasonal period requested by an app; {@link #AUTO} is resolved by {@link SeasonalityDetector}.
 */
public enum Seasonality {
  AUTO(null),
  DAILY(Duration.ofDays(1)),
  WEEKLY(Duration.ofDays(7)),
  NONE(null);

  private final Duration period;

  Seasonality(Duration period) {
    this.period = period;
  }

  /** The fixed period, empty for NONE and AUTO. */
  public Optional<Duration> period() {
    return Optional.ofNullable(period);
  }
}
