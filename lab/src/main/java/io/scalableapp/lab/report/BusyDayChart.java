package io.scalableapp.lab.report;

import io.scalableapp.engine.replay.sim.SimulationResult;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.experiment.PolicyKind;
import io.scalableapp.lab.experiment.RunOutcome;
import io.scalableapp.lab.experiment.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Demand against ready capacity over the busiest test day of a scenario, one panel per (undegraded)
 * policy.
 */
public final class BusyDayChart {

  private static final int DAY = 1440;

  private BusyDayChart() {}

  /** Writes the chart into {@code dir} and returns its file name. */
  public static String write(Path dir, Scenario scenario, List<RunOutcome> outcomes) {
    Trace trace = scenario.trace();
    int day = BusyDay.find(trace, scenario.split().testStart(), trace.length());
    int ticksPerMinute = outcomes.get(0).timeline().stepsPerMinute();
    int ticks = Math.min(DAY, trace.length() - day) * ticksPerMinute;
    double[] demand = new double[ticks];
    for (int i = 0; i < ticks; i++) {
      demand[i] = trace.demand(day + i / ticksPerMinute);
    }
    List<DemandCapacityChart.Panel> panels = new ArrayList<>();
    for (RunOutcome o : outcomes) {
      if (o.kind() == PolicyKind.DEGRADED) {
        continue;
      }
      SimulationResult r = o.timeline();
      int offset = (day - r.scoreFrom()) * ticksPerMinute;
      double[] capacity = new double[ticks];
      double under = 0;
      for (int i = 0; i < ticks; i++) {
        capacity[i] = scenario.workload().capacity(r.readyPods()[offset + i]);
        if (demand[i] > capacity[i]) {
          under += 1.0 / ticksPerMinute;
        }
      }
      String label =
          String.format(
              Locale.ROOT, "%s  (under-provisioned %.1f min this day)", o.policy(), under);
      panels.add(new DemandCapacityChart.Panel(label, capacity));
    }
    String name =
        String.format(
            Locale.ROOT,
            "%s-startup-%ds.png",
            trace.name().toLowerCase(Locale.ROOT),
            scenario.workload().startupDelay().toSeconds());
    String title =
        String.format(
            Locale.ROOT,
            "%s, %s: demand (grey) vs ready capacity (blue), shortfall red; startup %d s",
            trace.name(),
            trace.minute(day).toLocalDate(),
            scenario.workload().startupDelay().toSeconds());
    DemandCapacityChart.write(dir.resolve(name), title, demand, 60 * ticksPerMinute, panels);
    return name;
  }
}
