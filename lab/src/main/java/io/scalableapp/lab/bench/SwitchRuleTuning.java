package io.scalableapp.lab.bench;

import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.engine.forecast.Forecasters;
import io.scalableapp.engine.forecast.SwitchRule;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.engine.replay.trace.TraceRecording;
import io.scalableapp.engine.series.Series;
import io.scalableapp.lab.predictive.ForecastReplay;
import io.scalableapp.lab.predictive.MemoizedForecasters;
import io.scalableapp.lab.predictive.PointwiseScores;
import io.scalableapp.lab.trace.TraceCatalog;
import io.scalableapp.lab.trace.TrainTestSplit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The tuning behind {@link SwitchRule#DEFAULT}: AUTO replayed on the training part of every trace
 * (never its test part) under each switch margin of a small grid, against each of its candidates
 * alone on the same minutes. The goal is AUTO never worse than its best candidate, so a margin is
 * judged by its worst excess over the best candidate across the traces, then by its mean WAPE.
 * Forecasts are memoized ({@link MemoizedForecasters}): each candidate is fitted once per
 * evaluation whatever the number of margins.
 */
public final class SwitchRuleTuning {

  static final double[] MARGINS = {0, 0.05, 0.1, 0.2, 0.3, 0.5};

  /**
   * Scoring starts once the engine has its full default lookback (7 days), after a day warming
   * AUTO's scores.
   */
  static final Duration SCORE_FROM = Duration.ofDays(7);

  /**
   * One trace's training part: every candidate alone, and AUTO under each rule. WAPE pooled over h
   * = 1..lead.
   */
  public record TraceResult(
      String trace, Map<ForecastModel, Double> candidateWape, Map<SwitchRule, Double> autoWape) {

    public ForecastModel bestCandidate() {
      return candidateWape.entrySet().stream()
          .min(Map.Entry.comparingByValue())
          .orElseThrow()
          .getKey();
    }

    /** AUTO's WAPE under {@code rule} minus the best candidate's, in points. */
    public double excess(SwitchRule rule) {
      return autoWape.get(rule) - candidateWape.get(bestCandidate());
    }
  }

  /** A margin's verdict across the traces. */
  public record Trial(SwitchRule rule, double worstExcess, double meanWape) {}

  private SwitchRuleTuning() {}

  /** Prints the grid for the repository's traces (or {@code --traces DIR}). */
  public static void main(String[] args) throws Exception {
    TraceCatalog catalog =
        new TraceCatalog(
            args.length == 2 && args[0].equals("--traces")
                ? Path.of(args[1])
                : TraceCatalog.locate(Path.of("")));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<TraceResult>> futures = new ArrayList<>();
    for (Trace t : List.of(catalog.nasa(), catalog.worldCup())) {
      futures.add(pool.submit(() -> run(t, ForecastBenchmarkReport.LEAD)));
    }
    List<TraceResult> results = new ArrayList<>();
    for (Future<TraceResult> f : futures) {
      results.add(f.get());
      System.out.println(results.get(results.size() - 1));
    }
    pool.shutdown();
    rank(results).forEach(System.out::println);
  }

  public static TraceResult run(Trace trace, int lead) {
    Series recording = TraceRecording.of(trace);
    int testStart = TrainTestSplit.of(trace).testStart();
    int scoreFrom = (int) SCORE_FROM.toMinutes();
    int warmFrom = scoreFrom - (int) ForecastBenchmarkReport.WARM_UP.toMinutes();
    // Evaluations and the points they score stay before the test part's first minute.
    int to = testStart - 1;
    if (to <= scoreFrom) {
      throw new IllegalArgumentException(
          trace.name() + ": training part shorter than " + SCORE_FROM.toDays() + " days");
    }
    MemoizedForecasters memo = new MemoizedForecasters();
    Map<ForecastModel, Double> candidates = new LinkedHashMap<>();
    Map<SwitchRule, Double> auto = new LinkedHashMap<>();
    for (double margin : MARGINS) {
      SwitchRule rule = new SwitchRule(margin);
      PointwiseScores s =
          ForecastReplay.run(
              recording,
              ForecastBenchmarkReport.spec(trace, ForecastModel.AUTO),
              memo.withSwitchRule(rule),
              warmFrom,
              scoreFrom,
              to);
      auto.put(rule, s.pooledWapePercent(lead));
    }
    for (ForecastModel m : Forecasters.AUTO_CANDIDATES) {
      PointwiseScores s =
          ForecastReplay.run(
              recording,
              ForecastBenchmarkReport.spec(trace, m),
              memo.withSwitchRule(SwitchRule.DEFAULT),
              warmFrom,
              scoreFrom,
              to);
      candidates.put(m, s.pooledWapePercent(lead));
    }
    return new TraceResult(trace.name(), candidates, auto);
  }

  /** Every margin, best first. */
  public static List<Trial> rank(List<TraceResult> results) {
    List<Trial> trials = new ArrayList<>();
    for (double margin : MARGINS) {
      SwitchRule rule = new SwitchRule(margin);
      trials.add(
          new Trial(
              rule,
              results.stream().mapToDouble(r -> r.excess(rule)).max().orElseThrow(),
              results.stream().mapToDouble(r -> r.autoWape().get(rule)).average().orElseThrow()));
    }
    trials.sort(
        Comparator.comparingDouble(Trial::worstExcess).thenComparingDouble(Trial::meanWape));
    return trials;
  }
}
