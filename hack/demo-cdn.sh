#!/usr/bin/env bash
# The Varnish edge of `make demo`: kwok runs no pods, so a local varnishd stands in for the storefront-edge pods,
# loading the VCL the operator generated into the ConfigMap storefront-edge (its backend pointed at a local stand-in
# for the storefront's pods). Shows a cache hit, a bypass, and the purge the operator sends after a rollout.
#   hack/demo-cdn.sh start   before the operator starts: picks the edge's port (the operator's purge address)
#   hack/demo-cdn.sh show    once storefront is applied: runs the edge and walks through hit, bypass, purge
#   hack/demo-cdn.sh stop
set -euo pipefail
source "$(dirname "$0")/cluster-env.sh"

DEMO_DIR="$REPO_ROOT/.demo"
EDGE_DIR="$DEMO_DIR/varnish"
APP=storefront
HOST=shop.example.com
mkdir -p "$DEMO_DIR"

stop() {
  local pid_file="$DEMO_DIR/$1.pid"
  if [[ -f "$pid_file" ]]; then kill "$(cat "$pid_file")" 2>/dev/null || true; rm -f "$pid_file"; fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
fetch() { # path -> "X-Cache: body"
  curl -s -D "$DEMO_DIR/headers" -H "Host: $HOST" "http://127.0.0.1:$(cat "$DEMO_DIR/varnish.port")$1" -o "$DEMO_DIR/body"
  printf '  GET %-18s X-Cache: %-4s  %s\n' "$1" "$(tr -d '\r' <"$DEMO_DIR/headers" | awk -F': ' 'tolower($1)=="x-cache"{print $2}')" \
    "$(cat "$DEMO_DIR/body")"
}

case "${1:-}" in
  stop)
    stop varnishd; stop origin
    ;;
  start)
    stop varnishd; stop origin
    free_port >"$DEMO_DIR/varnish.port"
    free_port >"$DEMO_DIR/origin.port"
    # The operator's BANs go here (scalableapp.cdn.varnish.purge-addresses).
    echo "127.0.0.1:$(cat "$DEMO_DIR/varnish.port")"
    ;;
  show)
    kubectl wait --for=condition=CdnReady "scalableapp/$APP" --timeout=120s >/dev/null
    nohup python3 "$HACK_DIR/demo/origin.py" "$(cat "$DEMO_DIR/origin.port")" >"$DEMO_DIR/origin.log" 2>&1 &
    echo $! >"$DEMO_DIR/origin.pid"
    # The operator's VCL, unchanged but for the backend: the Service's DNS name only resolves inside the cluster.
    kubectl get configmap "$APP-edge" -o jsonpath='{.data.default\.vcl}' \
      | sed -e "s/^  \.host = .*/  .host = \"127.0.0.1\";/" -e "0,/^  \.port = .*/s//  .port = \"$(cat "$DEMO_DIR/origin.port")\";/" \
      >"$DEMO_DIR/edge.vcl"
    rm -rf "$EDGE_DIR"
    nohup /usr/sbin/varnishd -F -j none -n "$EDGE_DIR" -a "127.0.0.1:$(cat "$DEMO_DIR/varnish.port")" -T 127.0.0.1:0 \
      -f "$DEMO_DIR/edge.vcl" -s malloc,64m >"$DEMO_DIR/varnishd.log" 2>&1 &
    echo $! >"$DEMO_DIR/varnishd.pid"
    for _ in $(seq 60); do
      curl -s -o /dev/null "http://127.0.0.1:$(cat "$DEMO_DIR/varnish.port")/" && break
      sleep 0.5
    done
    echo
    echo "The Varnish edge of $APP (VCL $(kubectl get sapp "$APP" -o jsonpath='{.status.cdn.appliedVersion}') from ConfigMap $APP-edge, served by a local varnishd):"
    fetch /static/app.css
    fetch /static/app.css
    fetch /api/orders
    fetch /api/orders
    revision=""
    for _ in $(seq 120); do
      revision=$(kubectl get sapp "$APP" -o jsonpath='{.status.cdn.purgedRevision}')
      [[ -n $revision ]] && break
      sleep 0.5
    done
    echo "  rolling out a new image of $APP (revision $revision -> $((revision + 1)))..."
    kubectl patch sapp "$APP" --type merge -p '{"spec":{"image":"nginxinc/nginx-unprivileged:1.27-alpine"}}' >/dev/null
    kubectl wait --for=jsonpath='{.status.cdn.purgedRevision}'="$((revision + 1))" "scalableapp/$APP" --timeout=120s >/dev/null
    echo "  $(kubectl get sapp "$APP" -o jsonpath='last purge: {.status.cdn.lastPurge.time} {.status.cdn.lastPurge.reason}: {.status.cdn.lastPurge.id}')"
    fetch /static/app.css
    fetch /static/app.css
    ;;
  *)
    echo "usage: $0 start|show|stop" >&2; exit 2
    ;;
esac
