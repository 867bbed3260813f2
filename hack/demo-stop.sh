#!/usr/bin/env bash
# Stops the operator, Prometheus, trace exporter, edge varnishd and origin that `make demo` left running, if any.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PID_FILE="$REPO_ROOT/.demo/operator.pid"
if [[ -f "$PID_FILE" ]]; then
  pid=$(cat "$PID_FILE")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    log "stopped the demo operator (pid $pid)"
  fi
  rm -f "$PID_FILE"
fi
"$HACK_DIR/demo-prometheus.sh" stop
"$HACK_DIR/demo-cdn.sh" stop
