package io.scalableapp.operator.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.dependent.AppChildResource;
import io.scalableapp.operator.dependent.AppChildren;
import io.scalableapp.operator.it.OperatorProcess;
import io.scalableapp.testsupport.KubernetesTestCluster;
import io.scalableapp.testsupport.PrometheusServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * `make bench-fleet`: the packaged operator against a fleet of ScalableApps on the local cluster
 * and a real Prometheus, measured in one run (convergence against a bare client, reaction,
 * resources, Prometheus load, prediction cost, restart, sharding). Writes what it measured to
 * docs/fleet-benchmark.md; it asserts nothing: the goals are judged in the hand-written analysis
 * beside it.
 */
public final class FleetBenchmark {
  static final String NAMESPACE = "fleet";
  static final String BARE_NAMESPACE = "fleet-bare";

  /**
   * The bare client creates with as many concurrent callers as JOSDK's default reconciliation
   * threads; the operator runs fewer (ReconcilerThreads), so the bare client, the limit, is not
   * handicapped by the operator's choice.
   */
  static final int CLIENT_THREADS = 50;

  static final double TARGET_PER_REPLICA = 10;
  static final double BASE_DEMAND = 15;

  /**
   * Far above what the top of replicas (4) serves, so the first evaluation that sees it raises the
   * floor.
   */
  static final double STEPPED_DEMAND = 1000;

  static final int REACTION_APPS = 50;
  static final int FLOOR_AGE_APPS = 20;
  static final Duration CONVERGENCE_DEADLINE = Duration.ofMinutes(30);
  static final Duration STEADY_WINDOW = Duration.ofSeconds(60);
  private static final Set<String> WRITE_VERBS = Set.of("APPLY", "PATCH", "POST", "PUT", "DELETE");
  private static final List<String> CHILD_RESOURCES =
      List.of("deployments", "services", "horizontalpodautoscalers");

  private final int apps;
  private final List<String> jvmFlags;
  private final Map<String, String> operatorEnv;
  private final KubernetesClient client =
      new KubernetesClientBuilder().withConfig(operatorClientConfig()).build();
  private final java.util.concurrent.atomic.AtomicInteger bareRetries =
      new java.util.concurrent.atomic.AtomicInteger();
  private final FleetResults results = new FleetResults();
  private final Random random = new Random(42);
  private volatile OperatorProcess operator;
  private final ProcessSampler sampler =
      new ProcessSampler(
          () ->
              operator != null && operator.isAlive()
                  ? OptionalLong.of(operator.pid())
                  : OptionalLong.empty());
  private final Map<Double, Double> heapSamples = new ConcurrentHashMap<>();
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

  FleetBenchmark(int apps, List<String> jvmFlags, Map<String, String> operatorEnv) {
    this.apps = apps;
    this.jvmFlags = jvmFlags;
    this.operatorEnv = Map.copyOf(operatorEnv);
  }

  public static void main(String[] args) throws Exception {
    int apps = Integer.parseInt(System.getProperty("fleet.apps", "1000"));
    Path out = Path.of(System.getProperty("fleet.out", "../docs"));
    List<String> jvmFlags = words(System.getProperty("fleet.jvm-options", ""));
    // The chart's environment of the operator container (hack/operator-env.sh), NAME=value words.
    Map<String, String> operatorEnv =
        words(System.getProperty("fleet.operator-env", "")).stream()
            .map(w -> w.split("=", 2))
            .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
    FleetBenchmark benchmark = new FleetBenchmark(apps, jvmFlags, operatorEnv);
    try {
      benchmark.run();
    } finally {
      benchmark.close();
    }
    FleetReport.write(out, benchmark.results);
    System.out.println("wrote " + out.resolve("fleet-benchmark.md"));
    System.exit(0);
  }

  private static List<String> words(String line) {
    return List.of(line.trim().split("\\s+")).stream().filter(w -> !w.isBlank()).toList();
  }

  /**
   * Fabric8's defaults from the kubeconfig, with the request timeout the operator's
   * application.properties sets.
   */
  static Config operatorClientConfig() {
    Config config = Config.autoConfigure(null);
    config.setRequestTimeout(30_000);
    return config;
  }

  static String name(int i) {
    return String.format("app-%04d", i);
  }

  /**
   * Every other app predicted (Enforce) on its own demand series; shards a and b each get half of
   * both kinds.
   */
  static boolean predicted(int i) {
    return i % 2 == 1;
  }

  ScalableApp app(int i, String namespace) {
    ScalableApp app = TestApps.app(name(i), namespace);
    app.getMetadata().setGeneration(null);
    app.getMetadata().setLabels(Map.of("shard", (i / 2) % 2 == 0 ? "a" : "b"));
    app.getSpec().getReplicas().setMin(1);
    app.getSpec().getReplicas().setMax(3);
    app.getSpec().getResources().setRequests(Map.of("cpu", new Quantity("10m")));
    if (predicted(i)) {
      TestApps.enforcePrediction(app, TARGET_PER_REPLICA);
      app.getSpec().getPrediction().setQuery(FleetDemand.query(name(i)));
      app.getSpec().getPrediction().setLookback("1h");
      app.getSpec().getReplicas().setMax(4);
    }
    return app;
  }

  void run() throws Exception {
    results.apps = apps;
    results.jvmFlags = String.join(" ", jvmFlags);
    results.mallocArenaMax = operatorEnv.get("MALLOC_ARENA_MAX");
    results.started = Instant.now();
    results.cpus = Runtime.getRuntime().availableProcessors();
    results.loadBefore = loadAverage();
    KubernetesTestCluster.installCrd(client);
    results.nodes = client.nodes().list().getItems().size();
    scheduleHeapSampling();
    try (FleetDemand demand = new FleetDemand()) {
      IntStream.range(0, apps)
          .filter(FleetBenchmark::predicted)
          .forEach(i -> demand.set(name(i), BASE_DEMAND));
      PrometheusServer prometheus =
          new PrometheusServer(Files.createTempDirectory("fleet-prometheus"), demand.port());
      prometheus.backfill(demand.backfill(Instant.now(), Duration.ofHours(2)));
      prometheus.start();
      try {
        freshNamespace(BARE_NAMESPACE);
        bareClient();
        deleteNamespace(BARE_NAMESPACE);
        freshNamespace(NAMESPACE);
        convergence(prometheus);
        steadyState(prometheus);
        reaction();
        floorAge(demand);
        restart(prometheus);
        sharding(prometheus);
      } finally {
        prometheus.close();
      }
    }
    results.loadAfter = loadAverage();
    results.finished = Instant.now();
    results.rss = sampler.samples();
    results.heap = new java.util.TreeMap<>(heapSamples);
  }

  /**
   * (a) the limit: the same children created directly, then time until every Deployment is
   * available.
   */
  private void bareClient() throws Exception {
    ReadyTracker<Deployment> available = new ReadyTracker<>(FleetBenchmark::deploymentAvailable);
    informers.add(client.apps().deployments().inNamespace(BARE_NAMESPACE).inform(available));
    List<HasMetadata> children =
        IntStream.range(0, apps)
            .mapToObj(i -> app(i, BARE_NAMESPACE))
            .flatMap(a -> AppChildren.of(a).stream())
            .toList();
    log("bare client: creating %d children", children.size());
    available.start();
    long t0 = System.nanoTime();
    // Retried until it succeeds, as the operator's reconciliation is retried: at fleet size the API
    // server's
    // ClusterIP allocation (one at a time) makes Service creates outlast the client's request
    // timeout.
    parallel(
        children.size(),
        i -> {
          while (true) {
            try {
              client
                  .resource(children.get(i))
                  .fieldManager(AppChildResource.FIELD_MANAGER)
                  .forceConflicts()
                  .serverSideApply();
              return;
            } catch (KubernetesClientException e) {
              bareRetries.incrementAndGet();
            }
          }
        });
    results.bareRetries = bareRetries.get();
    results.bareCreateSeconds = (System.nanoTime() - t0) / 1e9;
    waitFor("bare Deployments available", CONVERGENCE_DEADLINE, () -> available.count() >= apps);
    results.bareReady = available.times();
    log(
        "bare client: %d Deployments available after %.1f s",
        available.count(), last(results.bareReady));
  }

  /** (a) the operator: start it, create the apps, time until every app is Ready. */
  private void convergence(PrometheusServer prometheus) throws Exception {
    results.operatorStartSeconds = startOperator("fleet", prometheus, Map.of());
    ReadyTracker<ScalableApp> ready = new ReadyTracker<>(FleetBenchmark::appReady);
    informers.add(client.resources(ScalableApp.class).inNamespace(NAMESPACE).inform(ready));
    log("operator: creating %d apps", apps);
    results.convergenceStartedAt = sampler.secondsSinceStart();
    ready.start();
    long t0 = System.nanoTime();
    parallel(apps, i -> client.resource(app(i, NAMESPACE)).create());
    results.operatorCreateSeconds = (System.nanoTime() - t0) / 1e9;
    waitFor("apps Ready", CONVERGENCE_DEADLINE, () -> ready.count() >= apps);
    results.operatorReady = ready.times();
    results.operatorFailedReconciles =
        MetricsText.sum(operator.metrics(), "scalableapp_reconciliations_failed_total");
    results.convergenceEndedAt = sampler.secondsSinceStart();
    log("operator: %d apps Ready after %.1f s", ready.count(), last(results.operatorReady));
  }

  /**
   * (c), (d), (e): CPU, Prometheus load and evaluation cost over a window at rest, after every app
   * was evaluated.
   */
  private void steadyState(PrometheusServer prometheus) throws Exception {
    // Two prediction intervals: every predicted app evaluated and its floor applied before
    // measuring.
    TimeUnit.SECONDS.sleep(60);
    String opBefore = operator.metrics();
    String promBefore = prometheusMetrics(prometheus);
    double cpuBefore = ProcessSampler.cpuSeconds(operator.pid());
    long t0 = System.nanoTime();
    TimeUnit.MILLISECONDS.sleep(STEADY_WINDOW.toMillis());
    double seconds = (System.nanoTime() - t0) / 1e9;
    String opAfter = operator.metrics();
    String promAfter = prometheusMetrics(prometheus);
    double cpuAfter = ProcessSampler.cpuSeconds(operator.pid());
    results.steadySeconds = seconds;
    results.cpuSecondsPerMinuteAtRest = (cpuAfter - cpuBefore) / seconds * 60;
    results.queriesPerSecond =
        delta(opBefore, opAfter, "scalableapp_prometheus_queries_total") / seconds;
    results.samplesPerMinute =
        delta(opBefore, opAfter, "scalableapp_prometheus_samples_fetched_total") / seconds * 60;
    double evaluations = delta(opBefore, opAfter, "scalableapp_decisions_total");
    results.evaluationsPerMinute = evaluations / seconds * 60;
    results.evaluationCpuMillis =
        evaluations == 0
            ? Double.NaN
            : delta(opBefore, opAfter, "scalableapp_prediction_cpu_seconds_total")
                / evaluations
                * 1000;
    results.reconcilesPerMinuteAtRest =
        delta(opBefore, opAfter, "scalableapp_reconciliations_started_total") / seconds * 60;
    String rangeQueries = "handler=\"/api/v1/query_range\"";
    double count =
        delta(
            promBefore, promAfter, "prometheus_http_request_duration_seconds_count", rangeQueries);
    results.prometheusRangeQueries = count;
    results.prometheusRangeQueryMeanMillis =
        count == 0
            ? Double.NaN
            : delta(
                    promBefore,
                    promAfter,
                    "prometheus_http_request_duration_seconds_sum",
                    rangeQueries)
                / count
                * 1000;
    for (String q : List.of("0.5", "0.9", "0.99")) {
      results.prometheusInnerEvalMillis.put(
          q,
          MetricsText.sum(
                  promAfter,
                  "prometheus_engine_query_duration_seconds",
                  l -> l.contains("slice=\"inner_eval\"") && l.contains("quantile=\"" + q + "\""))
              * 1000);
    }
    results.heapUsedAtRestBytes =
        MetricsText.sum(opAfter, "jvm_memory_used_bytes", l -> l.contains("area=\"heap\""));
    results.rssAtRestBytes = ProcessSampler.rssBytes(operator.pid());
    log(
        "at rest: %.2f CPU s/min, %.2f queries/s, %.0f samples/min, %.2f ms CPU per evaluation",
        results.cpuSecondsPerMinuteAtRest,
        results.queriesPerSecond,
        results.samplesPerMinute,
        results.evaluationCpuMillis);
  }

  /**
   * (b) spec change to Deployment updated, one change every 100 ms, timed from the benchmark's own
   * watch.
   */
  private void reaction() throws Exception {
    List<String> chosen = randomApps(REACTION_APPS, i -> true, Set.of());
    Map<String, Long> sent = new ConcurrentHashMap<>();
    Map<String, Long> seen = new ConcurrentHashMap<>();
    ResourceEventHandler<Deployment> handler =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Deployment d) {
            observe(d);
          }

          @Override
          public void onUpdate(Deployment old, Deployment d) {
            observe(d);
          }

          @Override
          public void onDelete(Deployment d, boolean unknown) {}

          private void observe(Deployment d) {
            String name = d.getMetadata().getName();
            if (chosen.contains(name)
                && TestApps.NEW_IMAGE.equals(
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())) {
              seen.putIfAbsent(name, System.nanoTime());
            }
          }
        };
    SharedIndexInformer<Deployment> watch =
        client.apps().deployments().inNamespace(NAMESPACE).inform(handler);
    try {
      for (String name : chosen) {
        client
            .resources(ScalableApp.class)
            .inNamespace(NAMESPACE)
            .withName(name)
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"image\":\"" + TestApps.NEW_IMAGE + "\"}}");
        // From the API server's answer: the change is stored, and watchers (the operator) are being
        // told.
        sent.put(name, System.nanoTime());
        TimeUnit.MILLISECONDS.sleep(100);
      }
      waitFor(
          "image changes reach the Deployments",
          Duration.ofMinutes(5),
          () -> seen.size() >= chosen.size());
    } finally {
      watch.close();
    }
    results.reactionMillis =
        chosen.stream()
            .filter(n -> seen.containsKey(n) && sent.containsKey(n))
            .map(n -> (seen.get(n) - sent.get(n)) / 1e6)
            .sorted()
            .toList();
    results.reactionMissing = chosen.size() - results.reactionMillis.size();
    log(
        "reaction: p50 %.0f ms, p99 %.0f ms",
        FleetReport.percentile(results.reactionMillis, 50),
        FleetReport.percentile(results.reactionMillis, 99));
  }

  /**
   * (e) demand sample to HPA minReplicas: step demand of some predicted apps, time until their
   * floor rises.
   */
  private void floorAge(FleetDemand demand) throws Exception {
    List<String> chosen = randomApps(FLOOR_AGE_APPS, FleetBenchmark::predicted, Set.of());
    Map<String, Integer> before = new HashMap<>();
    for (String name : chosen) {
      before.put(
          name,
          minReplicas(
              client
                  .autoscaling()
                  .v2()
                  .horizontalPodAutoscalers()
                  .inNamespace(NAMESPACE)
                  .withName(name)
                  .get()));
    }
    Map<String, Instant> raised = new ConcurrentHashMap<>();
    ResourceEventHandler<HorizontalPodAutoscaler> handler =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(HorizontalPodAutoscaler h) {
            observe(h);
          }

          @Override
          public void onUpdate(HorizontalPodAutoscaler old, HorizontalPodAutoscaler h) {
            observe(h);
          }

          @Override
          public void onDelete(HorizontalPodAutoscaler h, boolean unknown) {}

          private void observe(HorizontalPodAutoscaler h) {
            String name = h.getMetadata().getName();
            if (demand.changedAt(name) != null
                && before.containsKey(name)
                && minReplicas(h) > before.get(name)) {
              raised.putIfAbsent(name, Instant.now());
            }
          }
        };
    SharedIndexInformer<HorizontalPodAutoscaler> watch =
        client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NAMESPACE).inform(handler);
    try {
      chosen.forEach(name -> demand.set(name, STEPPED_DEMAND));
      waitFor(
          "floors follow the demand step",
          Duration.ofMinutes(5),
          () -> raised.size() >= chosen.size());
    } finally {
      watch.close();
    }
    results.floorAgeMillis =
        chosen.stream()
            .filter(raised::containsKey)
            .map(n -> (double) Duration.between(demand.changedAt(n), raised.get(n)).toMillis())
            .sorted()
            .toList();
    results.floorAgeMissing = chosen.size() - results.floorAgeMillis.size();
    log(
        "floor age: p50 %.0f ms, p99 %.0f ms",
        FleetReport.percentile(results.floorAgeMillis, 50),
        FleetReport.percentile(results.floorAgeMillis, 99));
  }

  /**
   * (f) SIGKILL with every app in place, restart: time until every app is re-observed, and the
   * writes it caused.
   */
  private void restart(PrometheusServer prometheus) throws Exception {
    TimeUnit.SECONDS.sleep(
        30); // let the floor-age step settle, so nothing is due when the operator dies
    Map<String, String> childrenBefore = childFingerprints();
    String apiBefore = client.raw("/metrics");
    operator.kill();
    log("restart: operator killed");
    long t0 = System.nanoTime();
    OperatorProcess restarted = startOperatorProcess("fleet-restarted", prometheus, Map.of());
    waitFor(
        "every app re-observed",
        Duration.ofMinutes(15),
        () -> reconciled(restarted.logFile()).size() >= apps);
    results.restartReobservedSeconds = (System.nanoTime() - t0) / 1e9;
    results.restartReadySeconds = waitReady(restarted, t0);
    TimeUnit.SECONDS.sleep(30); // anything the restart would still write arrives within this
    String apiAfter = client.raw("/metrics");
    Map<String, String> childrenAfter = childFingerprints();
    for (String resource : CHILD_RESOURCES) {
      results.restartWrites.put(
          resource,
          MetricsText.sum(apiAfter, "apiserver_request_total", l -> isWrite(l, resource, ""))
              - MetricsText.sum(
                  apiBefore, "apiserver_request_total", l -> isWrite(l, resource, "")));
    }
    results.restartWrites.put(
        "scalableapps/status",
        MetricsText.sum(
                apiAfter, "apiserver_request_total", l -> isWrite(l, "scalableapps", "status"))
            - MetricsText.sum(
                apiBefore, "apiserver_request_total", l -> isWrite(l, "scalableapps", "status")));
    results.restartChildrenChanged =
        childrenBefore.entrySet().stream()
            .filter(e -> !Objects.equals(e.getValue(), childrenAfter.get(e.getKey())))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    results.restartChildren = childrenBefore.size();
    log(
        "restart: all %d apps re-observed after %.1f s; writes to children %s; changed %s",
        apps,
        results.restartReobservedSeconds,
        results.restartWrites,
        results.restartChildrenChanged);
  }

  /**
   * (g) two instances, one per shard label, started together: every app reconciled by exactly one.
   */
  private void sharding(PrometheusServer prometheus) throws Exception {
    operator.close();
    OperatorProcess a =
        startOperatorProcess(
            "fleet-shard-a", prometheus, Map.of("scalableapp.operator.label-selector", "shard=a"));
    OperatorProcess b =
        startOperatorProcess(
            "fleet-shard-b", prometheus, Map.of("scalableapp.operator.label-selector", "shard=b"));
    try {
      waitFor(
          "both shards reconcile every app",
          Duration.ofMinutes(15),
          () -> {
            Set<String> all = new HashSet<>(reconciled(a.logFile()).keySet());
            all.addAll(reconciled(b.logFile()).keySet());
            return all.size() >= apps;
          });
      TimeUnit.SECONDS.sleep(30);
      Map<String, ReconcileLog.AppReconciles> byA = ReconcileLog.read(a.logFile());
      Map<String, ReconcileLog.AppReconciles> byB = ReconcileLog.read(b.logFile());
      results.shardApps.put("shard=a", byA.size());
      results.shardApps.put("shard=b", byB.size());
      results.shardReconciles.put(
          "shard=a", byA.values().stream().mapToInt(ReconcileLog.AppReconciles::count).sum());
      results.shardReconciles.put(
          "shard=b", byB.values().stream().mapToInt(ReconcileLog.AppReconciles::count).sum());
      results.shardRss.put("shard=a", ProcessSampler.rssBytes(a.pid()));
      results.shardRss.put("shard=b", ProcessSampler.rssBytes(b.pid()));
      Set<String> both = new HashSet<>(byA.keySet());
      both.retainAll(byB.keySet());
      results.shardBoth = both.size();
      Set<String> union = new HashSet<>(byA.keySet());
      union.addAll(byB.keySet());
      results.shardNeither = apps - union.size();
      Set<String> wrongShard = new HashSet<>();
      byA.keySet().stream()
          .filter(n -> (Integer.parseInt(n.substring(4)) / 2) % 2 != 0)
          .forEach(wrongShard::add);
      byB.keySet().stream()
          .filter(n -> (Integer.parseInt(n.substring(4)) / 2) % 2 != 1)
          .forEach(wrongShard::add);
      results.shardWrong = wrongShard.size();
      log(
          "sharding: a %d apps, b %d apps, both %d, neither %d, wrong shard %d",
          byA.size(), byB.size(), results.shardBoth, results.shardNeither, results.shardWrong);
    } finally {
      a.close();
      b.close();
    }
  }

  // ---- helpers

  private double startOperator(String name, PrometheusServer prometheus, Map<String, String> extra)
      throws Exception {
    long t0 = System.nanoTime();
    OperatorProcess process = startOperatorProcess(name, prometheus, extra);
    return waitReady(process, t0);
  }

  /** Starts an operator process; the first one (or the restarted one) becomes the one sampled. */
  private OperatorProcess startOperatorProcess(
      String name, PrometheusServer prometheus, Map<String, String> extra) throws IOException {
    Map<String, String> settings = new HashMap<>(ReconcileLog.SETTINGS);
    settings.put("scalableapp.operator.namespaces", NAMESPACE);
    settings.put("scalableapp.prometheus.url", prometheus.url().toString());
    // One instance per shard: leader election would only add the lease expiry to the restart.
    settings.put("scalableapp.leader-election.enabled", "false");
    settings.putAll(extra);
    OperatorProcess process = OperatorProcess.start(name, jvmFlags, settings, operatorEnv);
    if (extra.isEmpty()) {
      operator = process;
    }
    return process;
  }

  private double waitReady(OperatorProcess process, long t0) throws Exception {
    waitFor(
        "operator ready",
        Duration.ofMinutes(3),
        () -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("the operator exited; see " + process.logFile());
          }
          return process.isReady();
        });
    return (System.nanoTime() - t0) / 1e9;
  }

  private void scheduleHeapSampling() {
    Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "heap-sampler");
              t.setDaemon(true);
              return t;
            })
        .scheduleAtFixedRate(
            () -> {
              OperatorProcess current = operator;
              if (current != null && current.isAlive()) {
                try {
                  heapSamples.put(
                      sampler.secondsSinceStart(),
                      MetricsText.sum(
                          current.metrics(),
                          "jvm_memory_used_bytes",
                          l -> l.contains("area=\"heap\"")));
                } catch (IOException | InterruptedException | RuntimeException notUpYet) {
                  // the process is starting or gone; the next sample tries again
                }
              }
            },
            0,
            2,
            TimeUnit.SECONDS);
  }

  /**
   * Each child's spec generation and the time the operator last changed it (its managedFields
   * entry).
   */
  private Map<String, String> childFingerprints() {
    Map<String, String> children = new HashMap<>();
    List<HasMetadata> all = new ArrayList<>();
    all.addAll(client.apps().deployments().inNamespace(NAMESPACE).list().getItems());
    all.addAll(client.services().inNamespace(NAMESPACE).list().getItems());
    all.addAll(
        client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(NAMESPACE)
            .list()
            .getItems());
    for (HasMetadata child : all) {
      String operatorTime =
          child.getMetadata().getManagedFields().stream()
              .filter(
                  m ->
                      AppChildResource.FIELD_MANAGER.equals(m.getManager())
                          && m.getSubresource() == null)
              .map(m -> m.getOperation() + "@" + m.getTime())
              .collect(Collectors.joining(","));
      children.put(
          child.getKind() + "/" + child.getMetadata().getName(),
          child.getMetadata().getGeneration() + " " + operatorTime);
    }
    return children;
  }

  private static Map<String, ReconcileLog.AppReconciles> reconciled(Path log) {
    try {
      return ReconcileLog.read(log);
    } catch (IOException notWrittenYet) {
      return Map.of();
    }
  }

  private static boolean isWrite(String labels, String resource, String subresource) {
    return labels.contains("resource=\"" + resource + "\"")
        && labels.contains("subresource=\"" + subresource + "\"")
        && WRITE_VERBS.stream().anyMatch(v -> labels.contains("verb=\"" + v + "\""));
  }

  private List<String> randomApps(
      int count, java.util.function.IntPredicate eligible, Set<String> exclude) {
    List<Integer> candidates =
        IntStream.range(0, apps)
            .filter(eligible)
            .boxed()
            .filter(i -> !exclude.contains(name(i)))
            .collect(Collectors.toCollection(ArrayList::new));
    java.util.Collections.shuffle(candidates, random);
    return candidates.stream().limit(count).map(FleetBenchmark::name).toList();
  }

  private static int minReplicas(HorizontalPodAutoscaler h) {
    return h == null || h.getSpec().getMinReplicas() == null ? 1 : h.getSpec().getMinReplicas();
  }

  static boolean deploymentAvailable(Deployment d) {
    var s = d.getStatus();
    Integer want = d.getSpec().getReplicas();
    return s != null
        && want != null
        && s.getObservedGeneration() != null
        && s.getObservedGeneration() >= d.getMetadata().getGeneration()
        && Objects.requireNonNullElse(s.getAvailableReplicas(), 0) >= want
        && Objects.requireNonNullElse(s.getUpdatedReplicas(), 0) >= want;
  }

  static boolean appReady(ScalableApp app) {
    var s = app.getStatus();
    return s != null
        && s.getConditions() != null
        && Objects.equals(s.getObservedGeneration(), app.getMetadata().getGeneration())
        && s.getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private void parallel(int count, java.util.function.IntConsumer task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> task.accept(index)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private void freshNamespace(String name) throws Exception {
    deleteNamespace(name);
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  private void deleteNamespace(String name) throws Exception {
    if (client.namespaces().withName(name).get() == null) {
      return;
    }
    log("deleting namespace %s", name);
    client.namespaces().withName(name).delete();
    waitFor(
        "namespace " + name + " deleted",
        Duration.ofMinutes(15),
        () -> client.namespaces().withName(name).get() == null);
  }

  private static String prometheusMetrics(PrometheusServer prometheus)
      throws IOException, InterruptedException {
    var http = java.net.http.HttpClient.newHttpClient();
    return http.send(
            java.net.http.HttpRequest.newBuilder(prometheus.url().resolve("/metrics")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static double delta(String before, String after, String name) {
    return MetricsText.sum(after, name) - MetricsText.sum(before, name);
  }

  private static double delta(String before, String after, String name, String labelFragment) {
    return MetricsText.sum(after, name, l -> l.contains(labelFragment))
        - MetricsText.sum(before, name, l -> l.contains(labelFragment));
  }

  private static double last(List<Double> values) {
    return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Polls {@code condition} every 500 ms; past the deadline the run goes on and the report says
   * what was missing.
   */
  private static void waitFor(String what, Duration deadline, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    log("gave up waiting for %s after %s", what, deadline);
  }

  static void log(String format, Object... args) {
    System.out.printf(
        "[fleet %s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
  }

  void close() {
    informers.forEach(SharedIndexInformer::close);
    sampler.close();
    try {
      if (operator != null) {
        operator.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }
}
