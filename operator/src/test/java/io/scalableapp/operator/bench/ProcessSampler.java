package io.scalableapp.operator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Samples the operator process's resident memory and CPU time from /proc once a second for the
 * whole run, following whichever process is current (a restart replaces it).
 */
final class ProcessSampler implements AutoCloseable {
  /**
   * One sample; seconds since the run started, RSS in bytes (0: no process), CPU seconds of that
   * process.
   */
  record Sample(double seconds, long rssBytes, double cpuSeconds, long pid) {}

  private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux
  private final long start = System.nanoTime();
  private final Supplier<OptionalLong> pid;
  private final List<Sample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "process-sampler");
            t.setDaemon(true);
            return t;
          });

  ProcessSampler(Supplier<OptionalLong> pid) {
    this.pid = pid;
    timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
  }

  double secondsSinceStart() {
    return (System.nanoTime() - start) / 1e9;
  }

  synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  /** Highest RSS seen so far. */
  synchronized long peakRss() {
    return samples.stream().mapToLong(Sample::rssBytes).max().orElse(0);
  }

  /** CPU seconds of process {@code pid} now, from /proc/pid/stat (utime + stime). */
  static double cpuSeconds(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // Fields 14 and 15 of stat(5), counted here from field 3 (state).
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS;
  }

  static long rssBytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return 0;
  }

  private void sample() {
    double t = secondsSinceStart();
    OptionalLong current = pid.get();
    Sample s;
    try {
      s =
          current.isPresent()
              ? new Sample(
                  t,
                  rssBytes(current.getAsLong()),
                  cpuSeconds(current.getAsLong()),
                  current.getAsLong())
              : new Sample(t, 0, 0, 0);
    } catch (IOException | RuntimeException gone) {
      s = new Sample(t, 0, 0, 0);
    }
    synchronized (this) {
      samples.add(s);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
