#!/usr/bin/env bash
# Stops and deletes the local kwok cluster started by hack/cluster-up.sh, and its kubeconfig.
# Idempotent: nothing to do when the cluster does not exist. Cached binaries are kept.
set -euo pipefail
source "$(dirname "$0")/cluster-env.sh"

NAME="$SCALABLEAPP_CLUSTER_NAME"
CLUSTER_STATE="$KWOK_WORKDIR/clusters/$NAME"

# The real node first (hack/real-node/up.sh), while the API server still answers.
"$HACK_DIR/real-node/down.sh"

# Remember the component pids first: kwokctl deletes its pid files along with the cluster.
mapfile -t pids < <(cluster_component_pids)

if [[ -d "$CLUSTER_STATE" ]]; then
  log "deleting cluster $NAME"
  "$KWOK_BIN_DIR/kwokctl" --name "$NAME" delete cluster --kubeconfig "$KUBECONFIG" \
    >"$SCALABLEAPP_CLUSTER_DIR/cluster-down.log" 2>&1 \
    || log "kwokctl delete cluster failed (see $SCALABLEAPP_CLUSTER_DIR/cluster-down.log); cleaning up by pid"
else
  log "cluster $NAME not present"
fi

# kwokctl signals the components but does not wait; make sure none outlive the cluster.
for pid in ${pids[@]+"${pids[@]}"}; do
  for _ in $(seq 50); do is_cluster_component "$pid" || continue 2; sleep 0.1; done
  log "component pid $pid still running; killing it"
  kill -9 "$pid" 2>/dev/null || true
done

rm -rf "$CLUSTER_STATE" "$KUBECACHEDIR"
rm -f "$KUBECONFIG"
