#!/usr/bin/env bash
# Starts the local Kubernetes cluster: kwokctl's "binary" runtime running the control plane
# built by hack/build-binaries.sh (etcd, kube-apiserver, kube-controller-manager, kube-scheduler)
# plus kwok-controller, which fakes Nodes and drives Pods to Running/Ready without a kubelet.
# Idempotent: a healthy cluster is left alone. Prints the kubeconfig path on stdout.
# Settings (env): see hack/cluster-env.sh, plus
#   SCALABLEAPP_NODES            number of fake nodes (2; 32 CPU / 256Gi / 110 pods each; make bench-fleet
#                                asks for enough to hold its fleet's pods)
#   SCALABLEAPP_METRICS_SERVER   1 = run metrics-server for HPA resource metrics (1)
#   SCALABLEAPP_APISERVER_PORT   fixed kube-apiserver port (default: kwokctl picks a free one)
#   SCALABLEAPP_REAL_NODE        1 = also start one real node (kubelet, containerd) beside the kwok nodes: see
#                                hack/real-node/up.sh. Needs root; decided when the cluster is created.
#   SCALABLEAPP_CONTROLLER_MANAGER_ARGS  extra kube-controller-manager flags, "name=value ..." (make bench-live
#                                scales the HPA's timing with them); decided when the cluster is created
#   SCALABLEAPP_LEADER_ELECT     false = the controller manager and scheduler run without leader election
#                                (make bench-fleet); decided when the cluster is created
#   SCALABLEAPP_METRIC_RESOLUTION        metrics-server --metric-resolution in seconds (kwokctl's 15; at least 10),
#                                its kubelet requests time out at half of it (likewise)
set -euo pipefail
source "$(dirname "$0")/cluster-env.sh"

NODES="${SCALABLEAPP_NODES:-2}"
METRICS="${SCALABLEAPP_METRICS_SERVER:-1}"
REAL_NODE="${SCALABLEAPP_REAL_NODE:-0}"
NAME="$SCALABLEAPP_CLUSTER_NAME"
KWOKCTL="$KWOK_BIN_DIR/kwokctl"
CLUSTER_STATE="$KWOK_WORKDIR/clusters/$NAME"
UP_LOG="$SCALABLEAPP_CLUSTER_DIR/cluster-up.log"
KWOKCTL_CONFIG="$SCALABLEAPP_CLUSTER_DIR/kwokctl.yaml"
# kwokctl shells out to kubectl (kustomize, scale); keep it on the cached one, same version.
export KWOK_KUBECTL_BINARY="$KUBE_BIN_DIR/kubectl" KWOK_KUBE_VERSION="$KUBE_VERSION"

kwokctl() { "$KWOKCTL" --name "$NAME" "$@" >>"$UP_LOG" 2>&1; }
api_ready() { [[ -s "$KUBECONFIG" ]] && kubectl get --raw /readyz --request-timeout=5s >/dev/null 2>&1; }
fail() { log "$*; last lines of $UP_LOG:"; tail -n 20 "$UP_LOG" >&2; exit 1; }

write_kwokctl_config() {
  # Generated because it needs absolute paths.
  cat >"$KWOKCTL_CONFIG" <<EOF
apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokctlConfiguration
options:
  # kwokctl binds etcd and every component to 0.0.0.0 by default; an unauthenticated etcd
  # must not be reachable from the network on a developer machine.
  bindAddress: 127.0.0.1
  # A local kustomize dir instead of the components.yaml kwokctl would download.
  metricsServerManifests:
  - $HACK_DIR/kwok/metrics-server
componentsPatches:
# The API server's default Service range is a /24: the ~253rd Service fails with "range is full".
# A /16 holds a fleet (make bench-fleet) and costs nothing.
- name: kube-apiserver
  extraArgs:
  - key: service-cluster-ip-range
    value: 10.96.0.0/16
    override: false
# The controllers' client defaults to 20 requests/s each; at a thousand Deployments the ReplicaSet
# controller alone needs minutes, and would be what a fleet benchmark measures instead of the operator.
- name: kube-controller-manager
  extraArgs:
  - key: kube-api-qps
    value: "200"
    override: false
  - key: kube-api-burst
    value: "400"
    override: false
EOF
  extra_args kube-controller-manager false ${SCALABLEAPP_CONTROLLER_MANAGER_ARGS:-} >>"$KWOKCTL_CONFIG"
  # SCALABLEAPP_LEADER_ELECT=false (make bench-fleet): under a fleet's load a lease renewal can miss its
  # deadline, and the controller manager or scheduler then exits, which kwokctl never restarts. Other
  # clusters keep leader election: after an outage (hack/apiserver-outage.sh) both exit and are started
  # fresh, as a kubelet restarts static pods, instead of waiting out their watches' backoff.
  if [[ ${SCALABLEAPP_LEADER_ELECT:-true} == false ]]; then
    extra_args kube-controller-manager false leader-elect=false >>"$KWOKCTL_CONFIG"
    extra_args kube-scheduler false leader-elect=false >>"$KWOKCTL_CONFIG"
  fi
  if [[ -n ${SCALABLEAPP_METRIC_RESOLUTION:-} ]]; then
    extra_args metrics-server true "metric-resolution=${SCALABLEAPP_METRIC_RESOLUTION}s" >>"$KWOKCTL_CONFIG"
    extra_args metrics-server false "kubelet-request-timeout=$(( SCALABLEAPP_METRIC_RESOLUTION / 2 ))s" >>"$KWOKCTL_CONFIG"
  fi
  if [[ "$REAL_NODE" == 1 ]]; then
    # shellcheck source=real-node/env.sh
    source "$HACK_DIR/real-node/env.sh"
    cat >>"$KWOKCTL_CONFIG" <<EOF
# The real node (hack/real-node). "override: true" replaces a flag kwokctl sets; false adds one it does not.
# Its pods reach the API server through the kubernetes Service, whose endpoint is
# the node's bridge address; the serving certificate names that address and the Service's. The port is reachable
# only from this machine and its pods (hack/real-node/up.sh drops it on other interfaces).
- name: kube-apiserver
  extraArgs:
  - key: bind-address
    value: 0.0.0.0
    override: true
  - key: advertise-address
    value: $REAL_NODE_IP
    override: false
  # Tests send a namespace's pods to the real node by annotating the namespace.
  - key: enable-admission-plugins
    value: PodNodeSelector,PodTolerationRestriction
    override: false
# kwok fakes only its own nodes, never the real one.
- name: kwok-controller
  extraArgs:
  - key: manage-all-nodes
    value: "false"
    override: true
  - key: manage-nodes-with-annotation-selector
    value: kwok.x-k8s.io/node=fake
    override: false
EOF
    # Into the options: above.
    sed -i "s|^  bindAddress: 127.0.0.1|&\n  kubeApiserverCertSANs: [\"10.96.0.1\", \"$REAL_NODE_IP\"]|" "$KWOKCTL_CONFIG"
  fi
}

# extra_args COMPONENT OVERRIDE name=value...: a componentsPatches entry passing the flags (none: nothing).
extra_args() {
  local component=$1 override=$2 arg; shift 2
  (( $# )) || return 0
  printf -- '- name: %s\n  extraArgs:\n' "$component"
  for arg in "$@"; do
    printf -- '  - key: %s\n    value: "%s"\n    override: %s\n' "${arg%%=*}" "${arg#*=}" "$override"
  done
}

ensure_nodes() {
  # `scale node` sets the total number of fake nodes, so re-running it is safe.
  local have; have=$(kubectl get nodes -l type=kwok -o name | wc -l)
  if (( have != NODES )); then
    log "scaling fake nodes $have -> $NODES"
    # The template comes from -c at scale time, not from the cluster's saved config.
    kwokctl --config "$HACK_DIR/kwok/node.yaml" scale node --replicas "$NODES" \
      || fail "kwokctl scale node failed"
  fi
  kubectl wait --for=condition=Ready nodes -l type=kwok --timeout=60s >/dev/null
  # Pods are rejected until the service-account controller has made "default".
  for _ in $(seq 60); do kubectl get serviceaccount default >/dev/null 2>&1 && return 0; sleep 1; done
  fail "default service account never appeared"
}

wait_metrics() {
  # Only the API: pod metrics follow ~15-30s after a pod starts (two scrapes); nodes without
  # pods report no usage at all, so there is nothing more to wait for on an empty cluster.
  local attempt
  for attempt in 1 2 3; do
    kubectl wait --for=condition=Available apiservice/v1beta1.metrics.k8s.io --timeout=60s >/dev/null 2>&1 \
      && return 0
    (( attempt < 3 )) && restart_dead_metrics_server || break
  done
  log "warning: metrics.k8s.io is not available; HPA resource metrics will not work (see $UP_LOG)"
}

# kwokctl starts metrics-server beside kube-apiserver, and metrics-server exits at once (it never
# retries) when the API server does not answer yet, which happens on a busy machine. kwokctl does
# not restart components, so start it again with the command kwokctl itself would run. Fails when
# it is still running (then something else is wrong) or cannot be started.
restart_dead_metrics_server() {
  local pid_file="$CLUSTER_STATE/pids/metrics-server.pid" log_file="$CLUSTER_STATE/logs/metrics-server.log" cmd
  [[ -s "$pid_file" ]] || return 1
  if kill -0 "$(cat "$pid_file")" 2>/dev/null; then return 1; fi
  # exec: the pid file must name metrics-server itself, which kwokctl stops by it, not a shell.
  cmd=$("$KWOKCTL" --name "$NAME" --dry-run start cluster 2>/dev/null | grep -A1 -E '(^|&& )metrics-server ' \
    | sed 's/&& metrics-server /\&\& exec metrics-server /') || return 1
  log "metrics-server had exited ($(grep -m1 '^panic:' "$log_file" 2>/dev/null || echo 'see its log')); starting it again"
  cp "$log_file" "$log_file.exited" 2>/dev/null || true
  PATH="$CLUSTER_STATE/bin:$PATH" setsid bash -c "$cmd" </dev/null >/dev/null 2>&1
}

mkdir -p "$SCALABLEAPP_CLUSTER_DIR"
# hack/kind-up.sh writes the same kubeconfig; one cluster at a time.
if [[ -s "$KUBECONFIG" ]] && grep -q "^current-context: kind-$NAME\$" "$KUBECONFIG"; then
  log "$KUBECONFIG belongs to the Kind cluster $NAME; run hack/kind-down.sh first"; exit 1
fi
echo "--- $(date -u +%FT%TZ) cluster-up" >>"$UP_LOG"
# kwokctl keeps its own copy of the kubeconfig; restore ours if it was removed.
if [[ ! -s "$KUBECONFIG" && -s "$CLUSTER_STATE/kubeconfig.yaml" ]]; then
  install -m 600 "$CLUSTER_STATE/kubeconfig.yaml" "$KUBECONFIG"
fi

if api_ready; then
  ensure_nodes
  if [[ "$METRICS" == 1 ]]; then wait_metrics; fi
  if [[ "$REAL_NODE" == 1 ]]; then "$HACK_DIR/real-node/up.sh"; fi
  log "cluster $NAME already up"
  echo "$KUBECONFIG"
  exit 0
fi

start=$SECONDS
# Quick no-op when the binaries are cached; builds them on a fresh machine. Only the cluster's own: helm and
# the GitOps checkers are `make tools`'s.
"$HACK_DIR/build-binaries.sh" etcd kubernetes kwok
if [[ "$METRICS" == 1 ]]; then "$HACK_DIR/build-metrics-server.sh"; fi

if [[ -d "$CLUSTER_STATE" ]]; then
  # Left over from a reboot or a killed session: stop whatever survived, then start every
  # component again on the same etcd data; if that fails, start from scratch.
  log "restarting existing cluster $NAME"
  for pid in $(cluster_component_pids); do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 50); do [[ -z "$(cluster_component_pids)" ]] && break; sleep 0.1; done
  rm -f "$CLUSTER_STATE"/pids/*.pid
  if ! kwokctl start cluster --wait 60s || ! api_ready; then
    log "restart failed; recreating cluster $NAME"
    kwokctl delete cluster --kubeconfig "$KUBECONFIG" || true
    rm -rf "$CLUSTER_STATE"
  fi
fi

if [[ ! -d "$CLUSTER_STATE" ]]; then
  log "creating cluster $NAME (kwokctl binary runtime, kube $KUBE_VERSION, etcd $ETCD_VERSION)"
  rm -f "$KUBECONFIG"
  # kwokctl caches built manifests by path; drop them so edits under hack/kwok take effect.
  rm -rf "$KWOK_WORKDIR/cache/manifest"
  write_kwokctl_config
  # Every binary is a local path: kwokctl symlinks it and never downloads anything.
  args=(
    --runtime binary
    --config "$KWOKCTL_CONFIG"
    --kubeconfig "$KUBECONFIG"
    --etcd-binary "$ETCD_BIN_DIR/etcd"
    --kube-apiserver-binary "$KUBE_BIN_DIR/kube-apiserver"
    --kube-controller-manager-binary "$KUBE_BIN_DIR/kube-controller-manager"
    --kube-scheduler-binary "$KUBE_BIN_DIR/kube-scheduler"
    --kwok-controller-binary "$KWOK_BIN_DIR/kwok"
    --wait 120s
  )
  if [[ -n "${SCALABLEAPP_APISERVER_PORT:-}" ]]; then
    args+=(--kube-apiserver-port "$SCALABLEAPP_APISERVER_PORT")
  fi
  if [[ "$METRICS" == 1 ]]; then
    # metrics-server scrapes kwok-controller, which serves kubelet-style resource metrics
    # computed from the Metric/ClusterResourceUsage objects in metrics-usage.yaml.
    args+=(
      --config "$HACK_DIR/kwok/metrics-usage.yaml"
      --enable metrics-server
      --metrics-server-binary "$METRICS_SERVER_BIN_DIR/metrics-server"
    )
  fi
  # kwokctl picks free ports before the components bind them; another cluster starting at the same
  # moment can take one in between. A fresh create that fails is retried with new ports.
  for attempt in 1 2 3; do
    kwokctl create cluster "${args[@]}" && break
    (( attempt < 3 )) || fail "kwokctl create cluster failed"
    log "kwokctl create cluster failed (attempt $attempt); deleting it and trying again"
    kwokctl delete cluster --kubeconfig "$KUBECONFIG" || true
    rm -rf "$CLUSTER_STATE"
    rm -f "$KUBECONFIG"
  done
fi

api_ready || fail "kube-apiserver is not ready"
chmod 600 "$KUBECONFIG"
ensure_nodes
if [[ "$METRICS" == 1 ]]; then wait_metrics; fi
if [[ "$REAL_NODE" == 1 ]]; then "$HACK_DIR/real-node/up.sh"; fi
log "cluster $NAME up in $((SECONDS - start))s: $(kubectl config view -o jsonpath='{.clusters[0].cluster.server}')"
log "use it with: eval \"\$(hack/cluster-env.sh)\""
echo "$KUBECONFIG"
