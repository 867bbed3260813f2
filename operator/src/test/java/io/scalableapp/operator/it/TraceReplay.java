package io.scalableapp.operator.it;

import com.sun.net.httpserver.HttpServer;
import io.scalableapp.testsupport.PrometheusServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Real per-minute traffic from the repository's lab/traces, moved in time so that a chosen trace
 * minute is "now": the week before it is backfilled into Prometheus, and an exporter serves the
 * trace live from then on.
 */
final class TraceReplay implements AutoCloseable {
  static final Path NASA = Path.of("../lab/traces/nasa-1995-per-minute.csv.gz");
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final double[] perMinute;
  private final Instant traceStart;
  private final Duration shift;
  private final String metric;
  private HttpServer exporter;

  private TraceReplay(double[] perMinute, Instant traceStart, Instant traceNow, String metric) {
    this.perMinute = perMinute;
    this.traceStart = traceStart;
    this.shift =
        Duration.between(
            traceNow,
            Clock.systemUTC().instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    this.metric = metric;
  }

  /**
   * Loads a trace (minutes without requests are zero) and makes {@code traceNow} the current
   * minute.
   */
  static TraceReplay of(Path csv, Instant traceNow, String metric) throws IOException {
    TreeMap<Instant, Double> counts = load(csv);
    Instant first = counts.firstKey();
    int minutes = (int) Duration.between(first, counts.lastKey()).toMinutes() + 1;
    double[] values = new double[minutes];
    counts.forEach((t, c) -> values[(int) Duration.between(first, t).toMinutes()] = c);
    return new TraceReplay(values, first, traceNow, metric);
  }

  static TreeMap<Instant, Double> load(Path csv) throws IOException {
    TreeMap<Instant, Double> counts = new TreeMap<>();
    String text;
    try (var in = new GZIPInputStream(Files.newInputStream(csv))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String line : text.split("\n")) {
      if (line.isBlank() || !Character.isDigit(line.charAt(0))) continue;
      String[] parts = line.split(",");
      counts.put(
          LocalDateTime.parse(parts[0], MINUTE).toInstant(ZoneOffset.UTC),
          Double.parseDouble(parts[1]));
    }
    return counts;
  }

  /** Demand at a trace minute. */
  double at(Instant traceTime) {
    int i = (int) Duration.between(traceStart, traceTime).toMinutes();
    return i >= 0 && i < perMinute.length ? perMinute[i] : 0;
  }

  /** The trace minute replayed at wall-clock {@code wallTime}. */
  Instant traceTime(Instant wallTime) {
    return wallTime.minus(shift);
  }

  /** Mean demand over [from, from + length) in trace time. */
  double mean(Instant from, Duration length) {
    double sum = 0;
    long minutes = length.toMinutes();
    for (int i = 0; i < minutes; i++) {
      sum += at(from.plus(Duration.ofMinutes(i)));
    }
    return sum / minutes;
  }

  /** Highest demand over [from, from + length) in trace time. */
  double peak(Instant from, Duration length) {
    double max = 0;
    for (Instant t = from; t.isBefore(from.plus(length)); t = t.plus(Duration.ofMinutes(1))) {
      max = Math.max(max, at(t));
    }
    return max;
  }

  /**
   * OpenMetrics text of the {@code history} before "now", at wall-clock timestamps, labelled as
   * Prometheus will label the live scrapes so that history and live data form one series.
   */
  String backfill(Instant traceNow, Duration history, String labels) {
    StringBuilder b = new StringBuilder("# TYPE ").append(metric).append(" gauge\n");
    for (Instant t = traceNow.minus(history);
        t.isBefore(traceNow);
        t = t.plus(Duration.ofMinutes(1))) {
      b.append(metric)
          .append(labels)
          .append(' ')
          .append(String.format(Locale.ROOT, "%.1f", at(t)))
          .append(' ')
          .append(t.plus(shift).getEpochSecond())
          .append('\n');
    }
    return b.append("# EOF\n").toString();
  }

  /**
   * A started Prometheus scraping this trace's exporter live, with {@code history} of the trace
   * before {@code traceNow} backfilled under the labels the live scrapes get, so both form one
   * series.
   */
  PrometheusServer startPrometheus(Instant traceNow, Duration history) throws Exception {
    return startPrometheus(traceNow, history, Map.of());
  }

  /**
   * As {@link #startPrometheus(Instant, Duration)}, scraping also {@code 127.0.0.1:port} as each of
   * {@code moreJobs}.
   */
  PrometheusServer startPrometheus(
      Instant traceNow, Duration history, Map<String, Integer> moreJobs) throws Exception {
    int exporterPort = startExporter();
    Map<String, Integer> jobs = new HashMap<>(moreJobs);
    jobs.put(PrometheusServer.JOB, exporterPort);
    PrometheusServer prometheus =
        PrometheusServer.scraping(Files.createTempDirectory("prometheus-it"), jobs);
    prometheus.backfill(
        backfill(
            traceNow,
            history,
            "{job=\"" + PrometheusServer.JOB + "\",instance=\"127.0.0.1:" + exporterPort + "\"}"));
    prometheus.start();
    return prometheus;
  }

  /** Serves the trace's current minute as a gauge at /metrics. */
  int startExporter() throws IOException {
    exporter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    exporter.createContext(
        "/metrics",
        exchange -> {
          double value = at(Clock.systemUTC().instant().minus(shift));
          byte[] body =
              ("# TYPE " + metric + " gauge\n" + metric + " " + value + "\n")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    exporter.start();
    return exporter.getAddress().getPort();
  }

  @Override
  public void close() {
    if (exporter != null) exporter.stop(0);
  }
}
