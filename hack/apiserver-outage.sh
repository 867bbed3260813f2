#!/usr/bin/env bash
# Kills the local cluster's kube-apiserver (SIGKILL, as a crash) for SECONDS, then starts it again
# exactly as kwokctl started it (same arguments, directory and log), for fault tests: does a client
# reconnect and converge by itself? kube-controller-manager and kube-scheduler give up and exit when
# they cannot renew their leases meanwhile; as a kubelet restarts static pods, every component that
# died is started again too. Exits once /readyz answers again.
#   hack/apiserver-outage.sh 30
set -euo pipefail
source "$(dirname "$0")/cluster-env.sh"
seconds=${1:?usage: apiserver-outage.sh SECONDS}
state="$KWOK_WORKDIR/clusters/$SCALABLEAPP_CLUSTER_NAME"

declare -A argv_of cwd_of
for pid_file in "$state"/pids/*.pid; do
  name=$(basename "$pid_file" .pid)
  pid=$(<"$pid_file")
  is_cluster_component "$pid" || continue
  argv_of[$name]=$(tr '\0' '\n' <"/proc/$pid/cmdline")
  cwd_of[$name]=$(readlink "/proc/$pid/cwd")
done
[[ -n "${argv_of[kube-apiserver]:-}" ]] || { log "kube-apiserver is not running"; exit 1; }

start_component() {
  local name=$1 argv
  mapfile -t argv <<<"${argv_of[$name]}"
  # exec keeps the pid, so the pid file names the component itself (hack/cluster-down.sh stops it).
  (cd "${cwd_of[$name]}" && exec nohup "${argv[@]}" >>"$state/logs/$name.log" 2>&1 </dev/null) &
  echo $! >"$state/pids/$name.pid"
}

restart_dead_components() {
  local name
  for name in "${!argv_of[@]}"; do
    if ! is_cluster_component "$(<"$state/pids/$name.pid")"; then
      log "starting $name again"
      start_component "$name"
    fi
  done
}

apiserver=$(<"$state/pids/kube-apiserver.pid")
kill -9 "$apiserver"
# From here on the components are started again whatever happens, so a failed run never leaves the
# cluster without its control plane.
trap restart_dead_components EXIT
# A killed component may linger as a zombie of an exited parent; its cmdline is then empty.
for _ in $(seq 100); do is_cluster_component "$apiserver" || break; sleep 0.1; done
log "kube-apiserver stopped for ${seconds}s"
sleep "$seconds"
trap - EXIT
restart_dead_components
for _ in $(seq 120); do
  if kubectl get --raw /readyz --request-timeout=2s >/dev/null 2>&1; then
    log "kube-apiserver is back"
    # Components still giving up after the outage exit within a few seconds; start those too.
    sleep 5
    restart_dead_components
    exit 0
  fi
  sleep 0.5
done
log "kube-apiserver did not come back; see $state/logs/kube-apiserver.log"
exit 1
