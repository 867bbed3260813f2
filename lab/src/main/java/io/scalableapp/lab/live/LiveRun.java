package io.scalableapp.lab.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured run of {@code make bench-live}, read from what hack/bench-live.sh wrote: the load
 * driver's rows ({@code NAME-requests.csv}, one per wall second) and the cluster's watch lines
 * ({@code NAME-cluster.txt}, each "seconds since the replay began|kind|fields").
 */
public record LiveRun(
    String name,
    List<Second> seconds,
    StepSeries specReplicas,
    StepSeries podsRunning,
    StepSeries readyReplicas,
    StepSeries hpaMinReplicas,
    StepSeries cpuUtilization,
    StepSeries loadAverage,
    Map<String, Pod> pods) {

  /** What the requests sent in one wall second got. */
  public record Second(
      int second,
      int traceMinute,
      double targetRps,
      int sent,
      int failed,
      int overSlo,
      double p95Ms) {}

  /**
   * A pod: when the watch first saw it (seconds since the replay began), its creation and, if it
   * turned Ready, when.
   */
  public record Pod(double firstSeen, Instant created, Instant ready) {
    /** Creation to Ready; null if it never was. */
    public Duration startup() {
      return ready == null ? null : Duration.between(created, ready);
    }
  }

  public static LiveRun read(Path dataDir, String name) throws IOException {
    List<Second> seconds = new ArrayList<>();
    for (String line : Files.readAllLines(dataDir.resolve(name + "-requests.csv"))) {
      if (line.isBlank() || !Character.isDigit(line.charAt(0))) {
        continue;
      }
      String[] f = line.split(",");
      seconds.add(
          new Second(
              Integer.parseInt(f[0]),
              Integer.parseInt(f[1]),
              Double.parseDouble(f[2]),
              Integer.parseInt(f[3]),
              Integer.parseInt(f[4]),
              Integer.parseInt(f[5]),
              Double.parseDouble(f[7])));
    }
    return parseCluster(name, seconds, Files.readAllLines(dataDir.resolve(name + "-cluster.txt")));
  }

  static LiveRun parseCluster(String name, List<Second> seconds, List<String> lines) {
    // Watches run side by side, so lines of different kinds interleave slightly out of order.
    List<String[]> rows = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split("\\|", -1);
      if (f.length >= 3 && !f[0].isBlank()) {
        rows.add(f);
      }
    }
    rows.sort((a, b) -> Double.compare(Double.parseDouble(a[0]), Double.parseDouble(b[0])));
    StepSeries spec = new StepSeries();
    StepSeries running = new StepSeries();
    StepSeries ready = new StepSeries();
    StepSeries floor = new StepSeries();
    StepSeries cpu = new StepSeries();
    StepSeries load = new StepSeries();
    Map<String, Pod> pods = new LinkedHashMap<>();
    for (String[] f : rows) {
      double t = Double.parseDouble(f[0]);
      switch (f[1]) {
        case "Deployment" -> {
          spec.add(t, number(f[2], 0));
          running.add(t, number(f[3], 0));
          ready.add(t, number(f[4], 0));
        }
        case "HorizontalPodAutoscaler" -> {
          floor.add(t, number(f[2], Double.NaN));
          cpu.add(t, number(f[5], Double.NaN));
        }
        case "Load" -> load.add(t, number(f[2], Double.NaN));
        case "Pod" -> {
          Instant created = Instant.parse(f[4]);
          Instant readyAt = "True".equals(f[5]) && !f[6].isEmpty() ? Instant.parse(f[6]) : null;
          Pod before = pods.get(f[2]);
          pods.put(
              f[2],
              before == null
                  ? new Pod(t, created, readyAt)
                  : new Pod(
                      before.firstSeen(), created, readyAt != null ? readyAt : before.ready()));
        }
        default ->
            throw new IllegalArgumentException(
                "unknown kind in a watch line: " + String.join("|", f));
      }
    }
    return new LiveRun(name, List.copyOf(seconds), spec, running, ready, floor, cpu, load, pods);
  }

  /** A watch prints nothing for an unset field (no ready replica yet, no metric yet). */
  private static double number(String text, double ifUnset) {
    return text.isEmpty() ? ifUnset : Double.parseDouble(text);
  }

  /** Wall seconds the replay lasted. */
  public int duration() {
    return seconds.size();
  }

  public int sent() {
    return seconds.stream().mapToInt(Second::sent).sum();
  }

  public int failed() {
    return seconds.stream().mapToInt(Second::failed).sum();
  }

  public int overSlo() {
    return seconds.stream().mapToInt(Second::overSlo).sum();
  }

  /** Pods that existed (Deployment status.replicas) integrated over the replay, in wall seconds. */
  public double podSeconds() {
    return podsRunning.integral(0, duration());
  }

  /**
   * Creation-to-Ready of the pods created during the replay (the scale-ups), in seconds, sorted.
   */
  public double[] startupSeconds() {
    return pods.values().stream()
        .filter(p -> p.firstSeen() > 0 && p.ready() != null)
        .mapToDouble(p -> p.startup().toMillis() / 1000.0)
        .sorted()
        .toArray();
  }
}
