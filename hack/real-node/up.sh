#!/usr/bin/env bash
# Starts one real node beside the kwok nodes of the local cluster: containerd (runc, CNI bridge), the kubelet
# and kube-proxy of the control plane's version, and CoreDNS as the pods' resolver. hack/cluster-up.sh runs it
# when SCALABLEAPP_REAL_NODE=1 (make cluster-up REAL_NODE=1); hack/cluster-down.sh runs hack/real-node/down.sh.
# Needs root (the node creates a bridge, mounts and iptables rules). Idempotent: a Ready node is left alone.
# Everything lives under $SCALABLEAPP_CLUSTER_DIR/real-node; logs in its logs/ directory.
# The settings below were each needed on cgroup-v1 VMs where root lacks CAP_SYS_RESOURCE (issue 17).
set -euo pipefail
source "$(dirname "$0")/../cluster-env.sh"
source "$HACK_DIR/real-node/env.sh"
fail() { log "real node: $*"; exit 1; }
[[ $EUID -eq 0 ]] || fail "needs root: it creates the pod bridge, mounts and iptables rules"
[[ -s $KUBECONFIG ]] && kubectl get --raw /readyz --request-timeout=5s >/dev/null 2>&1 \
  || fail "the cluster is not up (hack/cluster-up.sh starts it, with SCALABLEAPP_REAL_NODE=1)"

# The API server's settings for the node are chosen when the cluster is created (hack/cluster-up.sh).
endpoint=$(kubectl get endpointslices -n default -l kubernetes.io/service-name=kubernetes \
  -o jsonpath='{.items[0].endpoints[0].addresses[0]}' 2>/dev/null || true)
[[ $endpoint == "$REAL_NODE_IP" ]] || fail "the API server advertises ${endpoint:-nothing}, not $REAL_NODE_IP: this cluster was \
created without SCALABLEAPP_REAL_NODE=1; run make cluster-down, then make cluster-up REAL_NODE=1"

D=$REAL_NODE_DIR
mkdir -p "$D"/{logs,pids,containerd,cni/net.d,cni/ipam,cni/cache,kubelet,pod-logs,coredns,kube-proxy}
running() { local f="$D/pids/$1.pid"; [[ -f $f ]] && kill -0 "$(<"$f")" 2>/dev/null; }
# start NAME CMD...: runs CMD in the background, logging to logs/NAME.log, unless it is running already.
start() {
  local name=$1; shift
  running "$name" && return 0
  nohup "$@" >>"$D/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$D/pids/$name.pid"
}
# wait_for WHAT SECONDS CMD...: polls CMD until it succeeds, or fails naming WHAT and its log.
wait_for() {
  local what=$1 seconds=$2; shift 2
  for _ in $(seq "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  fail "$what did not come up in ${seconds}s; last lines of $D/logs/$what.log: $(tail -n 15 "$D/logs/$what.log" 2>/dev/null)"
}

if kubectl get node "$REAL_NODE_NAME" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null | grep -qx True \
    && running containerd && running kubelet && running kube-proxy && running coredns; then
  log "real node $REAL_NODE_NAME already up"; exit 0
fi
start_time=$SECONDS
"$HACK_DIR/real-node/install-packages.sh"
"$HACK_DIR/build-binaries.sh" kube-node coredns node-programs

# Kernel: bridged pod traffic must pass iptables (Service DNAT), and the host forwards between pods.
modprobe br_netfilter 2>/dev/null || true
modprobe overlay 2>/dev/null || true
[[ -e /proc/sys/net/bridge/bridge-nf-call-iptables ]] || fail "no br_netfilter in this kernel (/proc/sys/net/bridge missing)"
if [[ ! -f $D/sysctl.saved ]]; then
  for key in net.bridge.bridge-nf-call-iptables net.ipv4.ip_forward; do echo "$key=$(sysctl -n "$key")"; done >"$D/sysctl.saved"
fi
sysctl -q -w net.bridge.bridge-nf-call-iptables=1 net.ipv4.ip_forward=1

# The API server listens on every address so that pods reach it on the bridge (hack/cluster-up.sh); only this
# machine and its pods may. down.sh removes the chain with the node's other rules.
api_port=$(kubectl config view -o jsonpath='{.clusters[0].cluster.server}' | sed 's/.*://')
if ! iptables -S SCALABLEAPP-APISERVER >/dev/null 2>&1; then
  iptables -N SCALABLEAPP-APISERVER
  iptables -A SCALABLEAPP-APISERVER -i lo -j RETURN
  iptables -A SCALABLEAPP-APISERVER -i "$REAL_NODE_BRIDGE" -j RETURN
  iptables -A SCALABLEAPP-APISERVER -j DROP
  iptables -I INPUT -p tcp --dport "$api_port" -j SCALABLEAPP-APISERVER
fi

# The pod bridge, made here so the node's address exists before the kubelet and CoreDNS bind it.
if ! ip link show "$REAL_NODE_BRIDGE" >/dev/null 2>&1; then
  ip link add "$REAL_NODE_BRIDGE" type bridge
  ip addr add "$REAL_NODE_IP/${REAL_NODE_POD_CIDR#*/}" dev "$REAL_NODE_BRIDGE"
fi
ip link set "$REAL_NODE_BRIDGE" up
cat >"$D/cni/net.d/10-scalableapp.conflist" <<JSON
{
  "cniVersion": "1.0.0",
  "name": "scalableapp-real-node",
  "plugins": [{
    "type": "bridge", "bridge": "$REAL_NODE_BRIDGE", "isGateway": true, "ipMasq": false, "hairpinMode": true,
    "ipam": {"type": "host-local", "dataDir": "$D/cni/ipam",
             "ranges": [[{"subnet": "$REAL_NODE_POD_CIDR", "gateway": "$REAL_NODE_IP"}]],
             "routes": [{"dst": "0.0.0.0/0"}]}
  }]
}
JSON

# containerd: root, state and socket under the cluster directory; runc (crun refuses the hybrid cgroup layout);
# restrict_oom_score_adj, because root here cannot lower a sandbox's oom_score_adj (without it runc fails with
# "can't get final child's PID from pipe: EOF").
cat >"$D/containerd/config.toml" <<TOML
version = 2
root = "$D/containerd/root"
state = "$D/containerd/state"
disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs",
  "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.zfs", "io.containerd.internal.v1.tracing"]
[grpc]
  address = "$CONTAINERD_SOCK"
[ttrpc]
  address = "$CONTAINERD_SOCK.ttrpc"
[plugins."io.containerd.internal.v1.opt"]
  path = "$D/containerd/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$PAUSE_IMAGE"
  restrict_oom_score_adj = true
  stream_server_address = "127.0.0.1"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$D/cni/net.d"
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        BinaryName = "/usr/sbin/runc"
        SystemdCgroup = false
TOML
start containerd containerd --config "$D/containerd/config.toml"
wait_for containerd 60 ctr --address "$CONTAINERD_SOCK" version

"$HACK_DIR/real-node/images.sh"

# CoreDNS answers cluster.local from the API server, on the node's address: every pod's nameserver.
cat >"$D/coredns/Corefile" <<COREFILE
cluster.local:53 in-addr.arpa:53 {
  bind $REAL_NODE_IP
  ready $REAL_NODE_IP:8181
  errors
  cache 5
  kubernetes cluster.local in-addr.arpa {
    kubeconfig $KUBECONFIG
    pods insecure
  }
}
COREFILE
start coredns "$COREDNS_BIN_DIR/coredns" -conf "$D/coredns/Corefile"

# kube-proxy: Service virtual IPs as iptables rules, NodePorts only on the node's bridge address.
cat >"$D/kube-proxy/config.yaml" <<YAML
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection:
  kubeconfig: $KUBECONFIG
hostnameOverride: $REAL_NODE_NAME
mode: iptables
clusterCIDR: $REAL_NODE_POD_CIDR
bindAddress: $REAL_NODE_IP
healthzBindAddress: 127.0.0.1:10356
metricsBindAddress: 127.0.0.1:10349
nodePortAddresses: ["$REAL_NODE_IP/32"]
# The machine's conntrack sysctls are left alone.
conntrack:
  maxPerCore: 0
  tcpEstablishedTimeout: 0s
  tcpCloseWaitTimeout: 0s
iptables:
  syncPeriod: 30s
  minSyncPeriod: 1s
YAML
start kube-proxy "$KUBE_NODE_BIN_DIR/kube-proxy" --config "$D/kube-proxy/config.yaml"

# The kubelet: the admin kubeconfig (one local cluster), its own ports so it cannot collide with kwok,
# cgroupfs on cgroup v1, and image garbage collection off: imported images cannot be pulled again.
ca_file=$(kubectl config view --raw -o jsonpath='{.clusters[0].cluster.certificate-authority}')
cat >"$D/kubelet/config.yaml" <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
cgroupDriver: cgroupfs
failCgroupV1: false
failSwapOn: false
containerRuntimeEndpoint: unix://$CONTAINERD_SOCK
address: $REAL_NODE_IP
port: $REAL_NODE_KUBELET_PORT
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10358
clusterDNS: [$REAL_NODE_IP]
clusterDomain: cluster.local
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $ca_file}
authorization:
  mode: Webhook
podLogsDir: $D/pod-logs
volumePluginDir: $D/kubelet/volume-plugins
registerWithTaints:
- {key: $REAL_NODE_LABEL, value: "true", effect: NoSchedule}
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: 100Mi, nodefs.available: 1%, imagefs.available: 1%, nodefs.inodesFree: 1%}
serializeImagePulls: false
YAML
start kubelet "$KUBE_NODE_BIN_DIR/kubelet" --config "$D/kubelet/config.yaml" --kubeconfig "$KUBECONFIG" \
  --root-dir "$D/kubelet/root" --cert-dir "$D/kubelet/pki" --hostname-override "$REAL_NODE_NAME" \
  --node-ip "$REAL_NODE_IP" --node-labels "$REAL_NODE_LABEL=true"

node_ready() {
  kubectl get node "$REAL_NODE_NAME" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' | grep -qx True
}
wait_for kubelet 120 node_ready
wait_for coredns 30 curl -fsS "http://$REAL_NODE_IP:8181/ready"
log "real node $REAL_NODE_NAME Ready in $((SECONDS - start_time))s (pods on $REAL_NODE_BRIDGE $REAL_NODE_POD_CIDR; logs in $D/logs)"
