package io.scalableapp.operator.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What one `make bench-fleet` run measured; {@link FleetReport} renders it, nothing else adds to
 * it.
 */
final class FleetResults {
  int apps;
  int nodes;
  int cpus;
  String jvmFlags;

  /** MALLOC_ARENA_MAX in the operator's environment; null: glibc's default. */
  String mallocArenaMax;

  String loadBefore;
  String loadAfter;
  Instant started;
  Instant finished;
  // (a) convergence
  double bareCreateSeconds;
  int bareRetries;
  List<Double> bareReady = List.of();
  double operatorStartSeconds;
  double operatorCreateSeconds;
  double operatorFailedReconciles;
  List<Double> operatorReady = List.of();
  double convergenceStartedAt;
  double convergenceEndedAt;
  // (b) reaction
  List<Double> reactionMillis = List.of();
  int reactionMissing;
  // (c) resources
  List<ProcessSampler.Sample> rss = List.of();
  NavigableMap<Double, Double> heap = new TreeMap<>();
  double cpuSecondsPerMinuteAtRest;
  double heapUsedAtRestBytes;
  long rssAtRestBytes;
  double reconcilesPerMinuteAtRest;
  double steadySeconds;
  // (d) Prometheus load
  double queriesPerSecond;
  double samplesPerMinute;
  double prometheusRangeQueries;
  double prometheusRangeQueryMeanMillis;
  Map<String, Double> prometheusInnerEvalMillis = new LinkedHashMap<>();
  // (e) prediction cost
  double evaluationsPerMinute;
  double evaluationCpuMillis;
  List<Double> floorAgeMillis = List.of();
  int floorAgeMissing;
  // (f) restart
  double restartReobservedSeconds;
  double restartReadySeconds;
  Map<String, Double> restartWrites = new LinkedHashMap<>();
  int restartChildren;
  List<String> restartChildrenChanged = List.of();
  // (g) sharding
  Map<String, Integer> shardApps = new LinkedHashMap<>();
  Map<String, Integer> shardReconciles = new LinkedHashMap<>();
  Map<String, Long> shardRss = new LinkedHashMap<>();
  int shardBoth;
  int shardNeither;
  int shardWrong;
}
