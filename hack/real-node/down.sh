#!/usr/bin/env bash
# Removes the real node started by hack/real-node/up.sh and everything it left on the machine: its processes
# (kubelet, kube-proxy, CoreDNS, containerd and every container), mounts, network namespaces and veths, the pod
# bridge, the KUBE-* iptables rules, the pods' cgroups and the sysctls it changed. hack/cluster-down.sh runs it.
# Idempotent: nothing to do when there is no real node.
set -euo pipefail
source "$(dirname "$0")/../cluster-env.sh"
source "$HACK_DIR/real-node/env.sh"
D=$REAL_NODE_DIR
[[ -d $D ]] || exit 0
[[ $EUID -eq 0 ]] || { log "real node: removing it needs root"; exit 1; }
log "removing real node $REAL_NODE_NAME"

stop() { # stop NAME: SIGTERM, up to 10 s, then SIGKILL; only the pid this node started.
  local f="$D/pids/$1.pid" pid
  [[ -f $f ]] || return 0
  pid=$(<"$f")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}
# The kubelet first, so nothing restarts what is stopped next.
stop kubelet; stop kube-proxy; stop coredns

netns=()
if [[ -S $CONTAINERD_SOCK ]] && ctr --address "$CONTAINERD_SOCK" version >/dev/null 2>&1; then
  for c in $(ctr_node containers ls -q); do
    mapfile -t -O "${#netns[@]}" netns < <(ctr_node containers info "$c" | grep -o '"/var/run/netns/cni-[0-9a-f-]*"' | tr -d '"')
    ctr_node tasks kill -s SIGKILL "$c" >/dev/null 2>&1 || true
  done
  for c in $(ctr_node containers ls -q); do
    for _ in $(seq 50); do ctr_node tasks delete "$c" >/dev/null 2>&1 && break
      ctr_node tasks ls -q | grep -qx "$c" || break; sleep 0.1; done
  done
fi
stop containerd
# A pod's network namespace (and with it its veth) goes when its last mount does.
for ns in $(printf '%s\n' ${netns[@]+"${netns[@]}"} | sort -u); do
  umount "$ns" 2>/dev/null || true; rm -f "$ns"
done
# Whatever is still mounted under the node's directory (overlay snapshots, pod volumes), deepest first.
awk -v d="$D/" 'index($5, d) == 1 {print $5}' /proc/self/mountinfo | sort -r | while IFS= read -r m; do
  umount "$m" 2>/dev/null || umount -l "$m" || true
done

# kube-proxy's rules, then any KUBE-* chain left (the kubelet's) and up.sh's SCALABLEAPP-APISERVER: every rule
# naming one, every such chain.
if [[ -x $KUBE_NODE_BIN_DIR/kube-proxy ]]; then
  "$KUBE_NODE_BIN_DIR/kube-proxy" --cleanup >>"$D/logs/kube-proxy-cleanup.log" 2>&1 || true
fi
for table in filter nat mangle; do
  rules=$(iptables-save -t "$table" 2>/dev/null) || continue
  grep -q -E 'KUBE-|SCALABLEAPP-' <<<"$rules" || continue
  grep -v -E 'KUBE-|SCALABLEAPP-' <<<"$rules" | iptables-restore || log "could not remove the KUBE-* rules of table $table"
done

ip link del "$REAL_NODE_BRIDGE" 2>/dev/null || true
# The pods' cgroups (the kubelet's kubepods hierarchy under each controller), now that their processes are gone.
for dir in /sys/fs/cgroup/*/kubepods /sys/fs/cgroup/kubepods; do
  [[ -d $dir ]] && find "$dir" -depth -type d -exec rmdir {} + 2>/dev/null || true
done
if [[ -f $D/sysctl.saved ]]; then
  while IFS= read -r kv; do sysctl -q -w "$kv" || true; done <"$D/sysctl.saved"
fi
# The kubelet links containers' logs into /var/log/containers; drop the links into this node's directory.
find /var/log/containers -maxdepth 1 -type l -lname "$D/*" -delete 2>/dev/null || true
rm -f /var/lib/cni/results/scalableapp-real-node-* 2>/dev/null || true
kubectl delete node "$REAL_NODE_NAME" --ignore-not-found --request-timeout=10s >/dev/null 2>&1 || true
rm -rf "$D"
