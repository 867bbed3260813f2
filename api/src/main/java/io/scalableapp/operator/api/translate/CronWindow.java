package io.scalableapp.operator.api.translate;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.scalableapp.engine.schedule.ScheduleWindow;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A schedule's windows: each starts when the five-field (crontab) expression fires in the time
 * zone, daylight saving time included, and lasts {@code length}. Parsed by cron-utils; the CRD has
 * already checked the fields' shape.
 */
final class CronWindow implements ScheduleWindow {
  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final ExecutionTime starts;
  private final ZoneId zone;
  private final Duration length;

  CronWindow(String cron, String timeZone, Duration length) {
    try {
      this.zone = ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "time zone " + timeZone + " is not an IANA time zone such as Europe/Paris");
    }
    this.starts = ExecutionTime.forCron(UNIX.parse(cron));
    this.length = length;
  }

  /**
   * The latest start at or before {@code now}; a window containing now, if any, is the one that
   * started last.
   */
  @Override
  public Optional<Instant> activeUntil(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime minute = local.truncatedTo(ChronoUnit.MINUTES);
    Optional<ZonedDateTime> start =
        starts.isMatch(minute) ? Optional.of(minute) : starts.lastExecution(local);
    return start.map(s -> s.toInstant().plus(length)).filter(end -> now.isBefore(end));
  }
}
