#!/usr/bin/env bash
# The demo's demand data: a real Prometheus on 127.0.0.1:9090 holding a week of real NASA traffic
# (1995-08-03 .. 08-10), replayed so that "now" is Thursday 08-10 06:30, shortly before the morning
# ramp, with a small exporter serving the trace live from then on; it scrapes the operator too (the dashboard's data).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DEMO_DIR="$REPO_ROOT/.demo"
TRACE="$REPO_ROOT/engine/src/test/resources/traces/nasa-1995-08-01-to-14-per-minute.csv"
TRACE_NOW="1995-08-10T06:30"
REPLAY="$HACK_DIR/demo/replay_trace.py"
mkdir -p "$DEMO_DIR"

stop() {
  local name=$1 pid_file="$DEMO_DIR/$1.pid"
  if [[ -f "$pid_file" ]]; then kill "$(cat "$pid_file")" 2>/dev/null || true; rm -f "$pid_file"; fi
}

if [[ "${1:-}" == "stop" ]]; then
  stop prometheus; stop exporter
  exit 0
fi

stop prometheus; stop exporter
rm -rf "$DEMO_DIR/prometheus"
mkdir -p "$DEMO_DIR/prometheus"
python3 "$REPLAY" backfill "$TRACE" "$TRACE_NOW" '{job="demand",instance="127.0.0.1:9105"}' \
  "$DEMO_DIR/prometheus/backfill.om"
promtool tsdb create-blocks-from openmetrics "$DEMO_DIR/prometheus/backfill.om" "$DEMO_DIR/prometheus/data" >/dev/null

nohup python3 "$REPLAY" serve "$TRACE" "$TRACE_NOW" 9105 >"$DEMO_DIR/exporter.log" 2>&1 &
echo $! >"$DEMO_DIR/exporter.pid"
sed "s/127.0.0.1:8080/127.0.0.1:${SCALABLEAPP_HTTP_PORT:-8080}/" "$HACK_DIR/demo/prometheus.yml" >"$DEMO_DIR/prometheus.yml"
nohup prometheus --config.file="$DEMO_DIR/prometheus.yml" --storage.tsdb.path="$DEMO_DIR/prometheus/data" \
  --storage.tsdb.retention.time=90d --web.listen-address=127.0.0.1:9090 >"$DEMO_DIR/prometheus.log" 2>&1 &
echo $! >"$DEMO_DIR/prometheus.pid"

for _ in $(seq 60); do
  curl -fs http://127.0.0.1:9090/-/ready >/dev/null 2>&1 && { log "Prometheus ready with a week of NASA traffic"; exit 0; }
  sleep 1
done
log "Prometheus did not start; see $DEMO_DIR/prometheus.log"; exit 1
