#!/usr/bin/env bash
# make bench-live: a stretch of the NASA trace replayed in compressed time against the load-target app on the real
# node, twice: (a) the HPA alone (prediction Off), (b) the operator's predictive floor (prediction Enforce, reading
# a real Prometheus that scrapes the pods' request counter, with the hours before the stretch backfilled).
# Each run writes what the load driver saw per wall second and what the cluster did per wall second into
# $BENCH_RAW_DIR; the lab's LiveBenchReport turns them into docs/bench-live/ (make bench-live runs it).
#
# Time is compressed by COMPRESSION (trace seconds per wall second), and so is every timer we can set: the HPA's
# sync period, CPU initialisation period and readiness delay (kube-controller-manager flags), its scale-down
# stabilisation window and policy periods (the HPA's behavior), Prometheus' scrape interval and rate window, the
# operator's forecast step and evaluation interval, and the floor's own stabilisation. What cannot be compressed
# is named in the report: metrics-server's resolution (10 s at least), the kubelet's pod start-up, and the
# forecast's seasons (a "day" is 86 400 s of wall time to the engine, so the forecast runs without a season).
# Needs root (the real node). Recreates the real-node cluster (.cluster-real) with these flags and removes it at
# the end, as `make real-node-down` would (KEEP_CLUSTER=1 leaves it up to look at).
set -euo pipefail
export SCALABLEAPP_CLUSTER_NAME=scalableapp-real SCALABLEAPP_CLUSTER_DIR="${SCALABLEAPP_CLUSTER_DIR:-$PWD/.cluster-real}"
export SCALABLEAPP_REAL_NODE=1
source "$(dirname "$0")/cluster-env.sh"
source "$HACK_DIR/real-node/env.sh"

COMPRESSION=${COMPRESSION:-12}
FROM=${FROM:-1995-07-06 06:40:00}
MINUTES=${MINUTES:-120}
TRACE=${TRACE:-$REPO_ROOT/lab/traces/nasa-1995-per-minute.csv.gz}
SCALE=${SCALE:-3}                       # wall requests per second per trace request per minute
CPU=${CPU:-100m}                         # request = limit (Guaranteed CPU, as the lab assumes)
WORK_ROUNDS=${WORK_ROUNDS:-5000}        # SHA-256 rounds per request
TARGET_CPU=${TARGET_CPU:-70}
TARGET_PER_REPLICA=${TARGET_PER_REPLICA:-70}   # requests/s one pod serves at TARGET_CPU (the report measures it: 71)
MAX_REPLICAS=${MAX_REPLICAS:-10}
SLO=${SLO:-250ms}
METRIC_RESOLUTION=10                    # metrics-server's shortest (seconds)
HISTORY_MINUTES=${HISTORY_MINUTES:-900} # trace minutes backfilled before the stretch (must exceed the 1h lookback)
WARMUP_MINUTES=${WARMUP_MINUTES:-6}    # trace minutes before the stretch replayed unrecorded, the pods held at the start count
RUNS=${RUNS:-hpa predictive}
BENCH_RAW_DIR=${BENCH_RAW_DIR:-$REPO_ROOT/docs/bench-live/data}
OPERATOR_JAR="$REPO_ROOT/operator/target/quarkus-app/quarkus-run.jar"
NS=bench-live APP=web PROMETHEUS_PORT=${PROMETHEUS_PORT:-19391}
WORK="$SCALABLEAPP_CLUSTER_DIR/bench-live"

# scaled SECONDS: a real-time setting in wall milliseconds, e.g. "1250ms" for 15 s at 12x.
scaled() { echo "$(( $1 * 1000 / COMPRESSION ))ms"; }
scaled_s() { local s=$(( $1 / COMPRESSION )); echo $(( s < 1 ? 1 : s )); }
SEGMENT_MS=$(( 60000 / COMPRESSION ))

[[ $EUID -eq 0 ]] || { log "bench-live needs root (the real node)"; exit 1; }
[[ -f $OPERATOR_JAR ]] || { log "no $OPERATOR_JAR: mvn -pl operator -am package -DskipTests first (make bench-live does)"; exit 1; }
mkdir -p "$WORK" "$BENCH_RAW_DIR"
pids=()
cleanup() {
  local pid
  for pid in ${pids[@]+"${pids[@]}"}; do kill "$pid" 2>/dev/null || true; done
  if [[ ${KEEP_CLUSTER:-0} == 1 ]]; then log "the cluster is left up (KEEP_CLUSTER=1): make real-node-down removes it"; return; fi
  "$HACK_DIR/cluster-down.sh" >/dev/null 2>&1 || log "cluster-down failed: run make real-node-down"
}
trap cleanup EXIT

log "bench-live: $MINUTES trace minutes from $FROM at ${COMPRESSION}x ($(( MINUTES * 60 / COMPRESSION )) s per run)"
"$HACK_DIR/build-binaries.sh" bench-live
DRIVER="$BENCH_LIVE_BIN_DIR/bench-live"

# A cluster whose HPA and metrics run at the compressed clock (flags are fixed when a cluster is created).
[[ ${REUSE_CLUSTER:-0} == 1 ]] || "$HACK_DIR/cluster-down.sh" >/dev/null 2>&1 || true
SCALABLEAPP_CONTROLLER_MANAGER_ARGS="horizontal-pod-autoscaler-sync-period=$(scaled 15) \
horizontal-pod-autoscaler-cpu-initialization-period=$(scaled 300) \
horizontal-pod-autoscaler-initial-readiness-delay=$(scaled 30) \
horizontal-pod-autoscaler-downscale-stabilization=$(scaled 300)" \
SCALABLEAPP_METRIC_RESOLUTION=$METRIC_RESOLUTION \
  "$HACK_DIR/cluster-up.sh" >/dev/null
"$HACK_DIR/real-node/images.sh"
kubectl apply --server-side --force-conflicts -f "$REPO_ROOT/crds/scalableapps.scalableapp.io-v1.yml" >/dev/null
for _ in $(seq 60); do
  kubectl wait --for condition=Established crd/scalableapps.scalableapp.io --timeout=1s >/dev/null 2>&1 && break; sleep 1
done
kubectl create namespace "$NS" --dry-run=client -o yaml | kubectl apply --server-side -f - >/dev/null
kubectl annotate namespace "$NS" --overwrite >/dev/null \
  "scheduler.alpha.kubernetes.io/node-selector=$REAL_NODE_LABEL=true" \
  "scheduler.alpha.kubernetes.io/defaultTolerations=[{\"key\":\"$REAL_NODE_LABEL\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}]"

# The operator, from this machine, for the bench's namespace, at the compressed step.
# shellcheck disable=SC2046 # the chart's environment and JVM flags, one word each
env $("$HACK_DIR/operator-env.sh") java $("$HACK_DIR/operator-jvm-options.sh") -Dquarkus.http.port=0 -Dscalableapp.operator.namespaces="$NS" \
  -Dscalableapp.leader-election.enabled=false \
  -Dscalableapp.prometheus.url="http://127.0.0.1:$PROMETHEUS_PORT" \
  -Dscalableapp.prediction.step="$(( 60 / COMPRESSION ))s" -Dscalableapp.prediction.interval=3s \
  -jar "$OPERATOR_JAR" >"$WORK/operator.log" 2>&1 &
pids+=($!)

# first_replicas: the pods the first trace minute needs at the CPU target, as the lab's simulator starts.
first_count=$(zcat "$TRACE" | awk -F, -v m="$FROM" '$1 == m {print $2}')
first_replicas=$(awk -v c="$first_count" -v s="$SCALE" -v t="$TARGET_PER_REPLICA" \
  'BEGIN {r = c * s / t; n = int(r); if (n < r) n++; if (n < 1) n = 1; print n}')

apply_app() { # apply_app MODE MIN_REPLICAS
  kubectl apply --server-side --force-conflicts -f - >/dev/null <<YAML
apiVersion: scalableapp.io/v1alpha1
kind: ScalableApp
metadata: {name: $APP, namespace: $NS}
spec:
  image: $LOAD_TARGET_IMAGE
  port: 8080
  env: [{name: WORK_ROUNDS, value: "$WORK_ROUNDS"}]
  resources: {requests: {cpu: $CPU, memory: 32Mi}, limits: {cpu: $CPU, memory: 64Mi}}
  replicas: {min: $2, max: $MAX_REPLICAS}
  probes: {readiness: {path: /healthz}}
  securityProfile: Restricted
  autoscaling:
    enabled: true
    targetCPUUtilizationPercentage: $TARGET_CPU
    behavior:
      scaleUp:
        stabilizationWindowSeconds: 0
        selectPolicy: Max
        policies:
        - {type: Percent, value: 100, periodSeconds: $(scaled_s 15)}
        - {type: Pods, value: 4, periodSeconds: $(scaled_s 15)}
      scaleDown:
        stabilizationWindowSeconds: $(scaled_s 300)
        selectPolicy: Max
        policies: [{type: Percent, value: 100, periodSeconds: $(scaled_s 15)}]
  prediction:
    mode: "$1"
    query: sum(rate(load_target_requests_total[$(scaled_s 120)s]))
    targetPerReplica: $TARGET_PER_REPLICA
    horizon: 10s
    seasonality: None
    model: HoltWinters
    lookback: 1h
    scaleDownStabilization: $(scaled_s 300)s
    scaleDownPercentPerMinute: 100
YAML
}

# Prometheus scraping the bench's pods every scaled 15 s, with the history before the stretch backfilled so that
# it ends where the replay's warm-up begins (that is in the future: the history covers the wait too).
start_prometheus() { # start_prometheus DIR START
  local dir=$1 start=$2 history_from
  rm -rf "$dir"; mkdir -p "$dir"
  echo "[]" >"$WORK/targets.json"
  history_from=$(date -u -d "$FROM UTC - $(( HISTORY_MINUTES + WARMUP_MINUTES )) minutes" '+%Y-%m-%d %H:%M:%S')
  "$DRIVER" backfill -trace "$TRACE" -from "$history_from" -minutes "$HISTORY_MINUTES" -compression "$COMPRESSION" \
    -scale "$SCALE" -start $(( start - (HISTORY_MINUTES + WARMUP_MINUTES) * SEGMENT_MS / 1000 )) -out "$dir/history.om"
  promtool tsdb create-blocks-from openmetrics --max-block-duration=768h "$dir/history.om" "$dir/data" >/dev/null
  cat >"$dir/prometheus.yml" <<YAML
global: {scrape_interval: $(scaled 15), scrape_timeout: 1s, evaluation_interval: 10s}
scrape_configs:
- job_name: load-target
  file_sd_configs: [{files: [$WORK/targets.json]}]
YAML
  prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" --storage.tsdb.retention.time=100y \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" >"$dir/prometheus.log" 2>&1 &
  prometheus_pid=$!; pids+=("$prometheus_pid")
  for _ in $(seq 60); do curl -fsS "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" >/dev/null 2>&1 && return 0; sleep 1; done
  log "Prometheus did not start: $(tail -n 5 "$dir/prometheus.log")"; exit 1
}

# What the cluster did, as it happened: one watch per kind, each line stamped with the wall time it arrived, and
# the load average every 5 s. The pod watch also keeps Prometheus' file_sd targets (Debian's Prometheus is built
# without Kubernetes discovery).
JSONPATH_DEPLOYMENT='{.spec.replicas}|{.status.replicas}|{.status.readyReplicas}{"\n"}'
JSONPATH_HPA='{.spec.minReplicas}|{.status.desiredReplicas}|{.status.currentReplicas}|{.status.currentMetrics[0].resource.current.averageUtilization}{"\n"}'
JSONPATH_POD='{.metadata.name}|{.status.podIP}|{.metadata.creationTimestamp}|{.status.conditions[?(@.type=="Ready")].status}|{.status.conditions[?(@.type=="Ready")].lastTransitionTime}|{.metadata.deletionTimestamp}{"\n"}'
stamp() { # stamp START KIND: prefixes each line with seconds since START and KIND
  local line
  while IFS= read -r line; do printf '%.2f|%s|%s\n' "$(( ${EPOCHREALTIME/./} / 10000 - $1 * 100 ))e-2" "$2" "$line"; done
}
watch_kind() { # watch_kind START UNTIL KIND RESOURCE JSONPATH: a watch that ends by itself at UNTIL
  kubectl get -n "$NS" "$4" -w --request-timeout="$(( $2 - $(date +%s) ))s" -o jsonpath="$5" 2>/dev/null \
    | stamp "$1" "$3"
}
targets() { # targets FILE: Prometheus file_sd targets, from the stamped pod lines on stdin
  declare -A ips=()
  local _t _kind name ip _created _ready _since deleting json
  while IFS='|' read -r _t _kind name ip _created _ready _since deleting; do
    if [[ -n $ip && -z $deleting ]]; then ips[$name]=$ip; else unset "ips[$name]"; fi
    json=""
    for name in "${!ips[@]}"; do json+="${json:+,}{\"targets\":[\"${ips[$name]}:8080\"],\"labels\":{\"pod\":\"$name\"}}"; done
    echo "[$json]" >"$1.tmp" && mv "$1.tmp" "$1"
  done
}
sample() { # sample START UNTIL OUT TARGETS: everything ends by itself at UNTIL
  local start=$1 until=$2 out=$3 targets_file=$4 load
  watch_kind "$start" "$until" Deployment "deployment/$APP" "$JSONPATH_DEPLOYMENT" >>"$out" &
  sampler_pids=($!)
  watch_kind "$start" "$until" HorizontalPodAutoscaler "hpa/$APP" "$JSONPATH_HPA" >>"$out" &
  sampler_pids+=($!)
  # (no filter between tee and targets: one that buffers its output, as cut does into a pipe, would hold the
  # pods back from Prometheus)
  watch_kind "$start" "$until" Pod pods "$JSONPATH_POD" | tee -a "$out" | targets "$targets_file" &
  sampler_pids+=($!)
  while (( $(date +%s) < until )); do
    read -r load _ </proc/loadavg
    printf '%.2f|Load|%s\n' "$(( ${EPOCHREALTIME/./} / 10000 - start * 100 ))e-2" "$load" >>"$out"
    sleep 5
  done &
  sampler_pids+=($!)
}

run() { # run NAME PREDICTION_MODE
  local name=$1 mode=$2 start
  kubectl delete scalableapp -n "$NS" "$APP" --ignore-not-found --wait=true --timeout=120s >/dev/null
  kubectl wait --for=delete pods -n "$NS" --all --timeout=120s >/dev/null 2>&1 || true
  start=$(( $(date +%s) + 90 ))
  if [[ $mode != Off ]]; then start_prometheus "$WORK/prometheus-$name" "$start"; fi
  apply_app "$mode" "$first_replicas"
  local ready=""
  for _ in $(seq 180); do
    ready=$(kubectl get deployment -n "$NS" "$APP" -o jsonpath='{.status.readyReplicas}' 2>/dev/null || true)
    [[ ${ready:-0} -ge $first_replicas ]] && break; sleep 1
  done
  [[ ${ready:-0} -ge $first_replicas ]] || { log "the app's $first_replicas pods were not ready in 180s (operator log:
$(tail -n 5 "$WORK/operator.log"))"; kubectl get pods -n "$NS" -o wide >&2; exit 1; }
  local ip; ip=$(kubectl get service -n "$NS" "$APP" -o jsonpath='{.spec.clusterIP}')
  rm -f "$BENCH_RAW_DIR/$name-cluster.txt"
  sample "$start" "$(( start + MINUTES * SEGMENT_MS / 1000 + 5 ))" "$BENCH_RAW_DIR/$name-cluster.txt" "$WORK/targets.json"
  log "run $name: $first_replicas pods ready; the warm-up starts at $(date -u -d "@$(( start - WARMUP_MINUTES * SEGMENT_MS / 1000 ))" +%T), the stretch at $(date -u -d "@$start" +%T)"
  # The warm start (the pods held at first_replicas, under the load of the minutes before the stretch) ends when
  # the stretch begins: from then on the HPA (and in run b the floor) decides.
  ( sleep $(( start - $(date +%s) )); apply_app "$mode" 1 ) &
  "$DRIVER" replay -trace "$TRACE" -from "$FROM" -minutes "$MINUTES" -compression "$COMPRESSION" -scale "$SCALE" \
    -warmup "$WARMUP_MINUTES" -start "$start" -target "http://$ip/" -slo "$SLO" -out "$BENCH_RAW_DIR/$name-requests.csv"
  wait "${sampler_pids[@]}" # the watches end 5 s after the replay
  if [[ $mode != Off ]]; then
    kubectl get scalableapp -n "$NS" "$APP" -o jsonpath='{.status.prediction}' >"$BENCH_RAW_DIR/$name-prediction-status.json" || true
    kill "$prometheus_pid" 2>/dev/null || true
  fi
}

for r in $RUNS; do
  case $r in
    hpa) run hpa Off ;;
    predictive) run predictive Enforce ;;
    *) log "unknown run $r: hpa or predictive"; exit 2 ;;
  esac
done
# The settings the report reads (LiveSettings), as key=value.
{
  echo "trace=$(basename "$TRACE")"
  for key in from:FROM minutes:MINUTES warmupMinutes:WARMUP_MINUTES compression:COMPRESSION scale:SCALE cpu:CPU \
      workRounds:WORK_ROUNDS targetCpu:TARGET_CPU targetPerReplica:TARGET_PER_REPLICA maxReplicas:MAX_REPLICAS slo:SLO \
      firstReplicas:first_replicas metricResolutionSeconds:METRIC_RESOLUTION; do
    var=${key#*:}; echo "${key%%:*}=${!var}"
  done
  echo "cpus=$(nproc)"
} >"$BENCH_RAW_DIR/settings.properties"
log "bench-live: raw results in $BENCH_RAW_DIR"
