package io.scalableapp.lab.live;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * The settings a {@code make bench-live} run used (hack/bench-live.sh writes them beside its
 * results): the trace stretch (and the unrecorded warm-up minutes replayed before it), the time
 * compression, the load and the HPA.
 */
public record LiveSettings(
    String trace,
    LocalDateTime from,
    int minutes,
    int warmupMinutes,
    int compression,
    double scale,
    String cpu,
    int targetCpuPercent,
    double targetPerReplica,
    int maxReplicas,
    Duration slo,
    int firstReplicas,
    int metricResolutionSeconds,
    int cpus) {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  public static LiveSettings read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    return new LiveSettings(
        p.getProperty("trace"),
        LocalDateTime.parse(p.getProperty("from"), MINUTE),
        Integer.parseInt(p.getProperty("minutes")),
        Integer.parseInt(p.getProperty("warmupMinutes", "0")),
        Integer.parseInt(p.getProperty("compression")),
        Double.parseDouble(p.getProperty("scale")),
        p.getProperty("cpu"),
        Integer.parseInt(p.getProperty("targetCpu")),
        Double.parseDouble(p.getProperty("targetPerReplica")),
        Integer.parseInt(p.getProperty("maxReplicas")),
        goDuration(p.getProperty("slo")),
        Integer.parseInt(p.getProperty("firstReplicas")),
        Integer.parseInt(p.getProperty("metricResolutionSeconds")),
        Integer.parseInt(p.getProperty("cpus")));
  }

  /** A Go duration as the driver's flags take it, in milliseconds or seconds: 250ms, 1s. */
  static Duration goDuration(String text) {
    if (text.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
    }
    if (text.endsWith("s")) {
      return Duration.ofMillis(
          Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
    }
    throw new IllegalArgumentException("not a duration in ms or s: " + text);
  }

  /** A wall duration as the trace lived it. */
  public Duration traceTime(Duration wall) {
    return wall.multipliedBy(compression);
  }

  /** Wall seconds of one trace minute. */
  public double segmentSeconds() {
    return 60.0 / compression;
  }
}
