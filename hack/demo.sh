#!/usr/bin/env bash
# `make demo`: runs the freshly built operator against the local cluster, applies examples/,
# waits until every app is Ready and shows what one ScalableApp turns into.
# The operator keeps running in the background; `make demo-stop` stops it.
set -euo pipefail
source "$(dirname "$0")/cluster-env.sh"

DEMO_DIR="$REPO_ROOT/.demo"
PID_FILE="$DEMO_DIR/operator.pid"
LOG_FILE="$DEMO_DIR/operator.log"
HTTP_PORT="${SCALABLEAPP_HTTP_PORT:-8080}"
mkdir -p "$DEMO_DIR"

"$HACK_DIR/demo-stop.sh"
log "starting the operator (log: $LOG_FILE)"
nohup java -Dquarkus.http.port="$HTTP_PORT" -jar "$REPO_ROOT/operator/target/quarkus-app/quarkus-run.jar" \
  >"$LOG_FILE" 2>&1 &
echo $! >"$PID_FILE"

for _ in $(seq 120); do
  curl -fs "http://localhost:$HTTP_PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$(cat "$PID_FILE")" 2>/dev/null || { tail -n 30 "$LOG_FILE" >&2; log "the operator exited"; exit 1; }
  sleep 1
done
curl -fs "http://localhost:$HTTP_PORT/q/health/ready" >/dev/null || { log "operator never became ready"; exit 1; }

kubectl apply --server-side -f "$REPO_ROOT/examples/"
log "waiting for every app to be Ready"
kubectl wait --for=condition=Ready scalableapps --all --timeout=180s
echo
kubectl get scalableapps,deployments,services,horizontalpodautoscalers -o wide
echo
cat <<TXT
The operator is running in the background (pid $(cat "$PID_FILE"), log $LOG_FILE,
metrics on http://localhost:$HTTP_PORT/metrics). Try:
  eval "\$(hack/cluster-env.sh)"
  kubectl describe sapp shop
  kubectl delete deployment shop        # the operator restores it
  make demo-stop cluster-down           # stop everything
TXT
