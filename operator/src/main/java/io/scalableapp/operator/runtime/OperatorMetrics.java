package io.scalableapp.operator.runtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.scalableapp.operator.prediction.PredictionLeadership;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The operator process itself: whether it leads, and its resident memory (the JVM's own metrics
 * cover the heap but not what the pod's memory limit counts).
 */
final class OperatorMetrics {
  private static final Path STATUS = Path.of("/proc/self/status");

  private OperatorMetrics() {}

  static void register(MeterRegistry registry, PredictionLeadership leadership) {
    Gauge.builder("scalableapp_leader", leadership, l -> l.isLeading() ? 1 : 0)
        .description("1 while this instance leads (reconciles and predicts), 0 while it stands by")
        .strongReference(true)
        .register(registry);
    Gauge.builder("process_resident_memory_bytes", OperatorMetrics::residentBytes)
        .description(
            "Resident set size of the operator process (VmRSS), what the container's memory limit counts")
        .strongReference(true)
        .register(registry);
  }

  /** VmRSS from /proc/self/status; NaN where there is no procfs. */
  static double residentBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
