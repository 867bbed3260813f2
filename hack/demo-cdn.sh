#!/usr/bin/env bash
# The Varnish edge of `make demo`: kwok runs no pods, so a local varnishd stands in for the storefront-edge pods,
# loading the VCL the operator generated into the ConfigMap storefront-edge (its backend pointed at a local stand-in
# for the storefront's pods) and the purge token from the Secret storefront-edge-purge, as an edge pod mounts them.
# Shows a cache hit, a bypass, and the purge the operator sends after a rollout.
#   hack/demo-cdn.sh start   before the operator starts: picks the edge's ports (the purge one is the operator's
#                            purge address)
#   hack/demo-cdn.sh edge    as soon as storefront is applied: runs the edge, before anything waits for CdnReady
#                            (re-applying the example after an earlier demo is a rollout, whose purge needs the edge)
#   hack/demo-cdn.sh show    walks through hit, bypass, and the purge after a new rollout
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
  curl -s -m 10 -D "$DEMO_DIR/headers" -H "Host: $HOST" "http://127.0.0.1:$(cat "$DEMO_DIR/varnish.port")$1" -o "$DEMO_DIR/body"
  printf '  GET %-18s X-Cache: %-4s  %s\n' "$1" "$(tr -d '\r' <"$DEMO_DIR/headers" | awk -F': ' 'tolower($1)=="x-cache"{print $2}')" \
    "$(cat "$DEMO_DIR/body")"
}

# The Deployment's current revision, and the revision status.cdn says was purged (or first seen).
revision() { kubectl get deployment "$APP" -o jsonpath='{.metadata.annotations.deployment\.kubernetes\.io/revision}'; }
purged() { kubectl get sapp "$APP" -o jsonpath='{.status.cdn.purgedRevision}'; }
await_purged_current() { # until the operator has purged (or first seen) the Deployment's current revision
  for _ in $(seq 240); do
    local current; current=$(revision)
    [[ -n $current && $(purged) == "$current" ]] && return 0
    sleep 0.5
  done
  echo "status.cdn.purgedRevision $(purged) never reached the Deployment's revision $(revision)" >&2
  kubectl get sapp "$APP" -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}' >&2
  return 1
}

case "${1:-}" in
  stop)
    stop varnishd; stop origin
    ;;
  start)
    stop varnishd; stop origin
    free_port >"$DEMO_DIR/varnish.port"
    free_port >"$DEMO_DIR/purge.port"
    free_port >"$DEMO_DIR/origin.port"
    # The operator's BANs go here (scalableapp.cdn.varnish.purge-addresses): the edge's purge listener.
    echo "127.0.0.1:$(cat "$DEMO_DIR/purge.port")"
    ;;
  edge)
    stop varnishd; stop origin
    nohup python3 "$HACK_DIR/demo/origin.py" "$(cat "$DEMO_DIR/origin.port")" >"$DEMO_DIR/origin.log" 2>&1 &
    echo $! >"$DEMO_DIR/origin.pid"
    # What an edge pod mounts: the ConfigMap's VCL and the purge Secret, both written by the operator.
    for _ in $(seq 240); do
      kubectl get configmap "$APP-edge" >/dev/null 2>&1 && kubectl get secret "$APP-edge-purge" >/dev/null 2>&1 && break
      sleep 0.5
    done
    kubectl get secret "$APP-edge-purge" -o jsonpath='{.data.token\.vcl}' | base64 -d >"$DEMO_DIR/purge-token.vcl"
    # The operator's VCL, unchanged but for the backend (the Service's DNS name only resolves inside the cluster)
    # and where the purge token is mounted.
    kubectl get configmap "$APP-edge" -o jsonpath='{.data.default\.vcl}' \
      | sed -e "s/^  \.host = .*/  .host = \"127.0.0.1\";/" -e "0,/^  \.port = .*/s//  .port = \"$(cat "$DEMO_DIR/origin.port")\";/" \
        -e "s|^include \".*\";|include \"$DEMO_DIR/purge-token.vcl\";|" \
      >"$DEMO_DIR/edge.vcl"
    rm -rf "$EDGE_DIR"
    nohup /usr/sbin/varnishd -F -j none -n "$EDGE_DIR" -a "http=127.0.0.1:$(cat "$DEMO_DIR/varnish.port"),HTTP" \
      -a "purge=127.0.0.1:$(cat "$DEMO_DIR/purge.port"),HTTP" -T 127.0.0.1:0 \
      -f "$DEMO_DIR/edge.vcl" -s malloc,64m >"$DEMO_DIR/varnishd.log" 2>&1 &
    echo $! >"$DEMO_DIR/varnishd.pid"
    for _ in $(seq 60); do
      curl -s -m 2 -o /dev/null "http://127.0.0.1:$(cat "$DEMO_DIR/varnish.port")/" && break
      kill -0 "$(cat "$DEMO_DIR/varnishd.pid")" 2>/dev/null || { cat "$DEMO_DIR/varnishd.log" >&2; exit 1; }
      sleep 0.5
    done
    ;;
  show)
    kubectl wait --for=condition=CdnReady "scalableapp/$APP" --timeout=120s >/dev/null
    await_purged_current
    echo
    echo "The Varnish edge of $APP (VCL $(kubectl get sapp "$APP" -o jsonpath='{.status.cdn.appliedVersion}') from ConfigMap $APP-edge, served by a local varnishd):"
    fetch /static/app.css
    fetch /static/app.css
    fetch /api/orders
    fetch /api/orders
    before=$(revision)
    # A new image: whichever of the two the previous demo left, the other one.
    image=nginxinc/nginx-unprivileged:1.27-alpine
    [[ $(kubectl get sapp "$APP" -o jsonpath='{.spec.image}') == "$image" ]] && image=nginxinc/nginx-unprivileged:1.27
    echo "  rolling out a new image of $APP ($image, after revision $before)..."
    kubectl patch sapp "$APP" --type merge -p "{\"spec\":{\"image\":\"$image\"}}" >/dev/null
    for _ in $(seq 120); do [[ $(revision) != "$before" ]] && break; sleep 0.5; done
    await_purged_current
    echo "  $(kubectl get sapp "$APP" -o jsonpath='last purge: {.status.cdn.lastPurge.time} {.status.cdn.lastPurge.reason}: {.status.cdn.lastPurge.id}')"
    fetch /static/app.css
    fetch /static/app.css
    echo "  a BAN through the edge's public port, as anyone could send one:" \
      "$(curl -s -m 5 -o /dev/null -w 'HTTP %{http_code}' -X BAN -H 'X-Ban-Expression: obj.status != 0' \
        "http://127.0.0.1:$(cat "$DEMO_DIR/varnish.port")/")"
    echo "  a BAN to the purge port without the operator's token:" \
      "$(curl -s -m 5 -o /dev/null -w 'HTTP %{http_code}' -X BAN "http://127.0.0.1:$(cat "$DEMO_DIR/purge.port")/")"
    ;;
  *)
    echo "usage: $0 start|edge|show|stop" >&2; exit 2
    ;;
esac
