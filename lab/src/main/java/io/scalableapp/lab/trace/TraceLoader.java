package io.scalableapp.lab.trace;

import io.scalableapp.engine.replay.trace.Trace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads request traffic of any resolution into a per-minute {@link Trace}. Two formats:
 *
 * <ul>
 *   <li>a two-column CSV of request <em>counts</em> ({@code minute,count} or {@code
 *       timestamp,count}), one row per interval. The interval is the smallest spacing between rows:
 *       rows a minute or less apart are summed into their minute; coarser rows (a 5- or 30-minute
 *       series) are spread evenly over the minutes they cover, as a rate, not read as one busy
 *       minute followed by silent ones. A log aggregated this way lists only intervals that saw a
 *       request, so a minute no row covers is zero demand;
 *   <li>a Prometheus range-query JSON export ({@code /api/v1/query_range}, one series) of a
 *       <em>rate</em> per second, as {@code rate()} returns. Each sample stands for the rate over
 *       the step before its timestamp; a minute's demand is the mean rate over the minute times 60.
 *       Prometheus leaves out steps without data, so a minute no sample covers is masked (unknown),
 *       not zero.
 * </ul>
 *
 * <p>Known gaps (log ends, outages) are passed in and masked too, because an outage is not a quiet
 * minute. A row with a bad timestamp or value is an error naming its line.
 *
 * <p>CSV timestamps: {@code yyyy-MM-dd HH:mm[:ss]}, ISO-8601 local or with offset/{@code Z}
 * (converted to UTC), or epoch seconds.
 */
public final class TraceLoader {

  private static final DateTimeFormatter SPACE_SEPARATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

  /**
   * Loads a CSV or, when the file starts with '{', a Prometheus range-query export; either may be
   * gzipped.
   */
  public Trace load(Path file, String name, List<TraceGap> gaps) {
    try {
      String text = readText(file);
      return text.stripLeading().startsWith("{")
          ? new PrometheusExport(name).read(text).toTrace(name, gaps)
          : read(new StringReader(text), name, gaps);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trace " + file, e);
    }
  }

  /** The file's text, gunzipped when its name ends in {@code .gz}. */
  public static String readText(Path file) throws IOException {
    if (!file.getFileName().toString().endsWith(".gz")) {
      return Files.readString(file, StandardCharsets.UTF_8);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Reads the CSV format. */
  public Trace read(Reader source, String name, List<TraceGap> gaps) throws IOException {
    BufferedReader reader = new BufferedReader(source);
    String header = reader.readLine();
    if (header == null || !header.toLowerCase(Locale.ROOT).contains("count")) {
      throw new IllegalArgumentException(
          name + ": expected a header 'minute,count' or 'timestamp,count'");
    }
    List<TimedValue> rows = new ArrayList<>();
    String line;
    int lineNumber = 1;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      int comma = line.indexOf(',');
      if (comma < 0) {
        throw new IllegalArgumentException(name + " line " + lineNumber + ": expected two columns");
      }
      long epochSecond = parseEpochSecond(line.substring(0, comma).trim(), name, lineNumber);
      double count = parseValue(line.substring(comma + 1).trim(), name, lineNumber);
      rows.add(new TimedValue(epochSecond * 1000, count));
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(name + ": no rows");
    }
    return MinuteBuckets.ofCounts(rows).toTrace(name, gaps);
  }

  /** A finite, non-negative number, or an error naming the line. */
  static double parseValue(String text, String name, int lineNumber) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " line " + lineNumber + ": bad value '" + text + "'", e);
    }
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(
          name
              + " line "
              + lineNumber
              + ": bad value '"
              + text
              + "' (must be a finite number >= 0)");
    }
    return value;
  }

  /** Wall-clock timestamps are read as UTC, like the rest of the lab (see {@link Trace}). */
  static long parseEpochSecond(String text, String name, int lineNumber) {
    try {
      LocalDateTime t;
      if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
        return Long.parseLong(text);
      } else if (text.contains("T")
          && (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$"))) {
        t = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      } else if (text.contains("T")) {
        t = LocalDateTime.parse(text);
      } else {
        t = LocalDateTime.parse(text, SPACE_SEPARATED);
      }
      return t.toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " line " + lineNumber + ": bad timestamp '" + text + "'", e);
    }
  }

  /** One row or sample: a time in epoch milliseconds and its value. */
  record TimedValue(long epochMillis, double value) {}
}
