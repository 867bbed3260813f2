package io.scalableapp.engine.testing;

import io.scalableapp.engine.series.Series;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Loads the NASA excerpt in test resources as a 1-minute series: unlisted minutes are zero demand,
 * the hurricane outage is masked as NaN (missing) because the server was down, not idle. Timestamps
 * are the log's local time, read as UTC; only their spacing matters here.
 */
public final class NasaTrace {

  public static final String RESOURCE = "/traces/nasa-1995-08-01-to-14-per-minute.csv";
  public static final Instant START = at("1995-08-01 00:00:00");
  public static final Instant OUTAGE_FROM = at("1995-08-01 14:52:00");
  public static final Instant OUTAGE_TO = at("1995-08-03 04:36:00");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final int MINUTES = 14 * 24 * 60;

  private NasaTrace() {}

  public static Series load() {
    double[] counts = new double[MINUTES];
    try (InputStream in = NasaTrace.class.getResourceAsStream(RESOURCE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine(); // header
      for (String line; (line = reader.readLine()) != null; ) {
        int comma = line.indexOf(',');
        int i = minuteIndex(at(line.substring(0, comma)));
        counts[i] = Double.parseDouble(line.substring(comma + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Arrays.fill(counts, minuteIndex(OUTAGE_FROM), minuteIndex(OUTAGE_TO) + 1, Double.NaN);
    return Series.of(START, MINUTE, counts);
  }

  /** Index of {@code time} in {@link #load()}. */
  public static int minuteIndex(Instant time) {
    return (int) Duration.between(START, time).toMinutes();
  }

  public static Instant at(String timestamp) {
    return LocalDateTime.parse(timestamp, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
        .toInstant(ZoneOffset.UTC);
  }
}
