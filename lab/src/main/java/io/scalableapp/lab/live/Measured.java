package io.scalableapp.lab.live;

import java.util.ArrayList;
import java.util.List;

/** What a live run tells about the app itself, for the model to use instead of a guess. */
final class Measured {

  private Measured() {}

  /**
   * Requests per second one pod serves at 100 % of its CPU request, from the HPA's own readings: at
   * each reading with a utilisation, the requests answered per second over the metric window before
   * it, divided by the ready pods times their utilisation; the median of those ratios.
   */
  static double requestsPerPodAtFullCpu(LiveRun run, LiveSettings s) {
    List<Double> ratios = new ArrayList<>();
    int window = s.metricResolutionSeconds();
    for (int t = window; t < run.duration(); t++) {
      double cpu = run.cpuUtilization().at(t);
      double ready = run.readyReplicas().at(t);
      if (Double.isNaN(cpu)
          || cpu <= 0
          || Double.isNaN(ready)
          || ready <= 0
          || cpu == run.cpuUtilization().at(t - 1)) {
        continue; // only the second a new reading arrived
      }
      double answered = 0;
      for (int k = t - window; k < t; k++) {
        LiveRun.Second sec = run.seconds().get(k);
        answered += sec.sent() - sec.failed();
      }
      ratios.add(answered / window / (ready * cpu / 100));
    }
    if (ratios.isEmpty()) {
      throw new IllegalStateException(
          "run " + run.name() + " has no CPU reading of the HPA during the replay");
    }
    return LiveBenchReport.median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
