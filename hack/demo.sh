#!/usr/bin/env bash
# `make demo`: runs the freshly built operator against the local cluster, applies examples/,
# waits until every app is Ready and shows what one ScalableApp turns into; then replays real
# traffic through Prometheus and shows the predictive floor rising before a morning ramp.
# The operator and Prometheus keep running in the background; `make demo-stop` stops them.
set -euo pipefail
source "$(dirname "$0")/cluster-env.sh"

DEMO_DIR="$REPO_ROOT/.demo"
PID_FILE="$DEMO_DIR/operator.pid"
LOG_FILE="$DEMO_DIR/operator.log"
HTTP_PORT="${SCALABLEAPP_HTTP_PORT:-8080}"
mkdir -p "$DEMO_DIR"

"$HACK_DIR/demo-stop.sh"
# kwok runs no edge pods: the operator's BANs go to the local varnishd that stands in for them.
EDGE_PURGE_ADDRESS=$("$HACK_DIR/demo-cdn.sh" start)
# The key the edges' purge tokens derive from, kept across runs like the chart's Secret, so an edge set up by an
# earlier run keeps its token; passed in the environment, not on the command line.
[[ -s "$DEMO_DIR/purge-key" ]] || python3 -c 'import secrets; print(secrets.token_hex(32))' >"$DEMO_DIR/purge-key"
chmod 600 "$DEMO_DIR/purge-key"
log "starting the operator (log: $LOG_FILE)"
# The demo operator watches only the namespace the examples go to, so test runs never meet it.
# shellcheck disable=SC2046 # the chart's environment (NAME=value) and JVM flags, one word each
SCALABLEAPP_CDN_VARNISH_PURGE_KEY=$(cat "$DEMO_DIR/purge-key") \
nohup env $("$HACK_DIR/operator-env.sh") java $("$HACK_DIR/operator-jvm-options.sh") -Dquarkus.http.port="$HTTP_PORT" -Dscalableapp.operator.namespaces=default \
  -Dscalableapp.cdn.varnish.purge-addresses="$EDGE_PURGE_ADDRESS" \
  -Dscalableapp.leader-election.lease-namespace=default -jar "$REPO_ROOT/operator/target/quarkus-app/quarkus-run.jar" \
  >"$LOG_FILE" 2>&1 &
echo $! >"$PID_FILE"

for _ in $(seq 120); do
  curl -fs "http://localhost:$HTTP_PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$(cat "$PID_FILE")" 2>/dev/null || { tail -n 30 "$LOG_FILE" >&2; log "the operator exited"; exit 1; }
  sleep 1
done
curl -fs "http://localhost:$HTTP_PORT/q/health/ready" >/dev/null || { log "operator never became ready"; exit 1; }

"$HACK_DIR/demo-prometheus.sh"
# The demo's manifests win back any field changed by hand since the last run (`kubectl patch sapp shop ...`),
# as Argo CD and Flux force their own: without --force-conflicts a second `make demo` stops on the conflict.
kubectl apply --server-side --force-conflicts -f "$REPO_ROOT/examples/" -f "$REPO_ROOT/examples/prediction/nasa-replay.yaml" \
  -f "$REPO_ROOT/examples/cdn/storefront-varnish.yaml"
# The edge runs before anything waits for CdnReady: re-applying the example after an earlier demo rolls storefront
# out again, and that rollout's purge needs the edge.
"$HACK_DIR/demo-cdn.sh" edge
log "waiting for every app to be Ready"
kubectl wait --for=condition=Ready scalableapps --all --timeout=180s
log "waiting for the first forecast of nasa-web"
kubectl wait --for=condition=MetricsAvailable scalableapp/nasa-web --timeout=120s
echo
kubectl get scalableapps,deployments,services,horizontalpodautoscalers -o wide
echo
echo "Predictive scaling of nasa-web (NASA traffic, 06:30 on a weekday, before the morning ramp):"
kubectl get scalableapp nasa-web -o jsonpath='{"  forecast now: "}{.status.prediction.forecast}{" req/min, peak within "}{.status.prediction.horizon}{": "}{.status.prediction.forecastPeak}{" req/min ("}{.status.prediction.model}{")\n  floor: "}{.status.prediction.lastDecision.from}{" -> "}{.status.prediction.lastDecision.to}{" replicas ("}{.status.prediction.lastDecision.reason}{"): "}{.status.prediction.lastDecision.message}{"\n"}'
echo "  HPA minReplicas: $(kubectl get hpa nasa-web -o jsonpath='{.spec.minReplicas}')"
"$HACK_DIR/demo-cdn.sh" show
echo
cat <<TXT
The operator is running in the background (pid $(cat "$PID_FILE"), log $LOG_FILE,
metrics on http://localhost:$HTTP_PORT/metrics). Try:
  eval "\$(hack/cluster-env.sh)"
  kubectl describe sapp shop
  kubectl delete deployment shop        # the operator restores it
  kubectl get sapp nasa-web -o yaml     # status.prediction explains the floor
  kubectl get sapp storefront -o yaml   # status.cdn: the edge's VCL version and the last purge
  kubectl get cm storefront-edge -o jsonpath='{.data.default\.vcl}'   # the VCL generated from spec.cdn
  make demo-stop cluster-down           # stop everything

The Grafana dashboard: helm/scalableapp-operator/dashboards/scalableapp-operator.json
(the same JSON as docs/dashboards/scalableapp-operator.json; docs/dashboard.md explains the panels).
  Import it by hand: Grafana > Dashboards > New > Import > Upload dashboard JSON file, and pick a Prometheus
  data source; this demo's Prometheus at http://127.0.0.1:9090 scrapes the operator and the demand, so
  namespace "default" and app "nasa-web" show the floor rising before the ramp.
  With kube-prometheus-stack: helm install ... --set grafanaDashboard.enabled=true (its Grafana sidecar loads it).
  make dashboard-png                    # draws the dashboard's main panel from this demo's data
TXT
