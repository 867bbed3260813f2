#!/usr/bin/env bash
# Stops the local cluster's kube-apiserver for SECONDS, then starts it again exactly as kwokctl
# started it (same arguments, directory and log), for fault tests: does a client reconnect and
# converge by itself? Prints nothing but progress on stderr; exits once /readyz answers again.
#   hack/apiserver-outage.sh 30
set -euo pipefail
source "$(dirname "$0")/cluster-env.sh"
seconds=${1:?usage: apiserver-outage.sh SECONDS}
state="$KWOK_WORKDIR/clusters/$SCALABLEAPP_CLUSTER_NAME"
pid_file="$state/pids/kube-apiserver.pid"
pid=$(<"$pid_file")
is_cluster_component "$pid" || { log "kube-apiserver ($pid) is not running"; exit 1; }

mapfile -d '' argv <"/proc/$pid/cmdline"
cwd=$(readlink "/proc/$pid/cwd")
kill "$pid"
# An exited component may linger as a zombie of an exited parent; its cmdline is then empty.
for _ in $(seq 100); do is_cluster_component "$pid" || break; sleep 0.1; done
is_cluster_component "$pid" && { log "kube-apiserver ($pid) did not stop"; exit 1; }
log "kube-apiserver stopped for ${seconds}s"
sleep "$seconds"

cd "$cwd"
setsid nohup "${argv[@]}" >>"$state/logs/kube-apiserver.log" 2>&1 </dev/null &
echo $! >"$pid_file"
for _ in $(seq 120); do
  kubectl get --raw /readyz --request-timeout=2s >/dev/null 2>&1 && { log "kube-apiserver is back"; exit 0; }
  sleep 0.5
done
log "kube-apiserver did not come back; see $state/logs/kube-apiserver.log"
exit 1
